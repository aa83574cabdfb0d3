"""The main job in a few lines: the PEEL rounds and the 43 forces."""

import policegrades as pg

print("PEEL rounds")
for peel in pg.frameworks():
    graded = sum(area.graded for area in peel.areas)
    print(f"  {peel.name:<14} {peel.scale.value:<11} {len(peel.areas):>2} areas, {graded} graded")

print("\nForces")
for force in pg.forces():
    print(f"  {force.code}  {force.name}")
