"""How the notebooks get their data: `bin/warehouse sql --format csv`, one query per call.

The warehouse folder comes from the environment variable WAREHOUSE_DIR; without it, the one
`bin/warehouse demo` builds (demo/warehouse beside this folder). Queries run on DuckDB over each
table's current Delta snapshot, read-only; `as_of` reads the tables as of a version or a moment.
"""
import io
import os
import subprocess
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib import font_manager

HERE = Path(__file__).resolve().parent
WAREHOUSE = Path(os.environ.get("WAREHOUSE_DIR", HERE.parent / "demo" / "warehouse")).resolve()
LAUNCHER = HERE.parent / "bin" / "warehouse"

# Codes look like numbers but are names: 510104 is 锦江区, not a quantity.
TEXT_COLUMNS = {"county_code", "city_code", "period", "dt", "kpi_code", "methodology_version"}


def sql(query, as_of=None):
    """The rows of one query as a DataFrame."""
    args = [str(LAUNCHER), "sql", "--warehouse", str(WAREHOUSE), "--format", "csv"]
    if as_of is not None:
        args += ["--as-of", str(as_of)]
    done = subprocess.run(args + [query], capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"bin/warehouse sql exited with {done.returncode}")
    header = done.stdout.split("\n", 1)[0].split(",")
    return pd.read_csv(io.StringIO(done.stdout), dtype={c: str for c in TEXT_COLUMNS if c in header})


def use_chinese_font():
    """County and city names are Chinese: plot them with a CJK font when one is installed."""
    for name in ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP"):
        if any(f.name == name for f in font_manager.fontManager.ttflist):
            matplotlib.rcParams["font.sans-serif"] = [name] + matplotlib.rcParams["font.sans-serif"]
            matplotlib.rcParams["axes.unicode_minus"] = False
            return name
    return None
