// The one header through which Swift sees GLPK. Only the PlannerGLPK module imports it.
// Debian's libglpk-dev ships no pkg-config file, so the module map links "glpk" by name.
#ifndef PLANNER_CGLPK_SHIM_H
#define PLANNER_CGLPK_SHIM_H
#include <glpk.h>
#endif
