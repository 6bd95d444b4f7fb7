import a.b.c as d
from ...x import (y as z, w,)
from . import *
