// Nothing here: the target only exports the declaration in include/CFuzzerDriver.h.
#include "CFuzzerDriver.h"
