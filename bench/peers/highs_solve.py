"""Solves an MPS file with HiGHS (highspy) as a maximisation and prints one JSON line.

MPS carries no objective sense; planner's models maximise. Usage: highs_solve.py MODEL.mps SECONDS
"""
import json
import sys

import highspy

path, limit = sys.argv[1], float(sys.argv[2])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("mip_rel_gap", 0.0)
h.readModel(path)
h.changeObjectiveSense(highspy.ObjSense.kMaximize)
h.run()
status = h.modelStatusToString(h.getModelStatus())
info = h.getInfo()
has_plan = info.primal_solution_status == 2  # kSolutionStatusFeasible
print(json.dumps({
    "status": {"Optimal": "optimal", "Time limit reached": "timeLimit", "Infeasible": "infeasible"}.get(status, status),
    "objective": info.objective_function_value if has_plan else None,
    "bound": info.mip_dual_bound,
    "nodes": info.mip_node_count,
    "simplexIterations": info.simplex_iteration_count,
    "version": h.version(),
}))
