import asyncio
import os.path
import collections.abc as cabc, sys
from typing import Any, Optional
from collections import (
    OrderedDict,
    defaultdict as dd,
)
from os import *
from . import sibling
from .. import parent
from .mod import thing
from ...pkg.sub import a as b
