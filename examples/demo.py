"""The main job on the bundled data: Cleveland Police's PEEL grades, round by round."""

import policegrades as pg
from policegrades.render import grade_table

history = pg.fixtures.cleveland()
print(f"{history[0].force.name}: PEEL grades, round by round\n")
print(grade_table(history))

print("\nPEEL rounds")
for peel in pg.frameworks():
    graded = sum(area.graded for area in peel.areas)
    print(f"  {peel.name:<14} {peel.scale.value:<11} {len(peel.areas):>2} areas, {graded} graded")

print(f"\n{len(pg.forces())} forces: " + ", ".join(force.short_name for force in pg.forces()))
