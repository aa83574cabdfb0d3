"""The main job on the bundled data: Cleveland Police's PEEL grades, round by round."""

import textwrap

import policegrades as pg
from policegrades.render import NOT_IN_ROUND, grade_table, short_label

history = pg.fixtures.cleveland()
print(f"{history[0].force.name}: PEEL grades, round by round\n")
print(grade_table(history))

before, after = history[-2:]
comparison = pg.compare(before, after)
print(f"\nWhat changed from {before.framework.name} to {after.framework.name}\n")
for change in comparison.changes:
    sides = [
        short_label(side.grade) if side else NOT_IN_ROUND for side in (change.before, change.after)
    ]
    print(f"  {change.area.name:<52} {change.change!s:<15} {' → '.join(sides)}")
print()
print(textwrap.fill(comparison.narrative(), width=100))

print("\nPEEL rounds")
for peel in pg.frameworks():
    graded = sum(area.graded for area in peel.areas)
    print(f"  {peel.name:<14} {peel.scale.value:<11} {len(peel.areas):>2} areas, {graded} graded")

print(f"\n{len(pg.forces())} forces: " + ", ".join(force.short_name for force in pg.forces()))

every = pg.inspections()
graded = sum(len(inspection.grades) for inspection in every)
print(f"\nBundled: {len(every)} inspections of the {len(pg.forces())} forces, {graded} area grades")

print("\nCleveland among the forces (the library's order; the inspectorate publishes no ranking)")
for round_name, day in (("2018/19", None), ("2021/22", None), ("2021/22", "2023-03-17")):
    where = pg.standing("Cleveland", round_name, published_by=day)
    when = f" as it stood on {day}" if day else ""
    print(f"  {where.framework.name}{when}: {where.place()}")
    for sentence in where.areas[:3]:
        print(f"    {sentence}")
