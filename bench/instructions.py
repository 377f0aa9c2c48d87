"""Count the instructions planaudit spends on a jurisdiction, stage by stage — a measure that, unlike
seconds on a shared machine, does not drift. The same code on the same data (and the same hash seed)
counts alike to within a few in ten thousand, so a change of 1% shows, where timing the same run twice
can differ by 30%.

    python bench/instructions.py                  # the working tree
    python bench/instructions.py --against REV    # and a revision of this repository, side by side

It generates a small repository (bench/generate.py) and runs, under valgrind's cachegrind (counting
instructions only), what a worker of `check 2022 --format json` does for each jurisdiction: read its
files (the quick reader, the model, the checks), judge it, and make its report's piece. Each stage is
run for two numbers of jurisdictions, and the difference divided, so that start-up and what is done
once (imports, compiled patterns) cancel out. A bare PyYAML CSafeLoader load of the same files is
counted the same way, for scale. Needs valgrind (Debian: apt install valgrind). A revision compared
must have the library API this script drives (that of the commit that added it, or later).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
FIRST = 3  # the jurisdictions counted begin here (the first ones pay for what is done once)

WORK = """
import sys
from pathlib import Path
from planaudit.judge.verdicts import judge_year
from planaudit.model.data import Repository
from planaudit.read.load import plans_and_reports
from planaudit.report import reporter_class
from planaudit.run import runner

data, count, stage = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
audit = runner.prepare(data, 2022)
shared = runner.Shared([reporter_class("json")("en", color=False, width=None, fail_on="missed")])
for jurisdiction in audit.jurisdictions[:count]:
    contents = runner.read_jurisdiction(audit, jurisdiction)
    runner.contents_digest(jurisdiction, contents)
    reads = runner.read_items(audit, jurisdiction, contents)
    if stage == "read":
        continue
    plans, reports = plans_and_reports(jurisdiction.files, reads)
    result = judge_year(Repository(audit.settings, audit.catalogue, plans, reports), audit.year, plans.values(),
                        audit.rules)
    if stage == "judge":
        continue
    for judged in result.jurisdictions():
        shared.pickled_pieces(judged)
"""

BARE = """
import sys, yaml
from pathlib import Path
data, count = Path(sys.argv[1]), int(sys.argv[2])
for slug in sorted(path.stem for path in data.glob("targets/2022/*.yaml"))[:count]:
    for path in (data / "targets/2022" / f"{slug}.yaml", data / "outcomes/2021" / f"{slug}.yaml",
                 data / "outcomes/2022" / f"{slug}.yaml"):
        if path.exists():
            with open(path, "rb") as stream:
                yaml.load(stream, Loader=yaml.CSafeLoader)
"""


def instructions(script: str, arguments: list[str], source: Path | None) -> int:
    """The instructions one run of ``script`` executes, counted by cachegrind."""
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, so the same dict and set layouts
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    completed = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", script, *arguments],
        capture_output=True, text=True, env=environment, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    if completed.returncode != 0 or found is None:
        raise SystemExit(f"the counted run failed:\n{completed.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_jurisdiction(script: str, data: Path, extra: list[str], source: Path | None, counted: int) -> float:
    """Instructions per jurisdiction: the run over FIRST + counted jurisdictions less the run over FIRST."""
    more = instructions(script, [str(data), str(FIRST + counted), *extra], source)
    fewer = instructions(script, [str(data), str(FIRST), *extra], source)
    return (more - fewer) / counted


def stages(data: Path, source: Path | None, counted: int) -> dict[str, float]:
    """Instructions per jurisdiction of reading, judging and making the piece (cumulative runs, differenced)."""
    read, judged, whole = (per_jurisdiction(WORK, data, [stage], source, counted) for stage in ("read", "judge", "all"))
    return {"read": read, "judge": judged - read, "piece": whole - judged, "in all": whole}


def revision_source(revision: str, into: Path) -> Path:
    """The planaudit package of ``revision``, written out under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", metavar="REV", help="a revision to count side by side with the working tree")
    parser.add_argument("--jurisdictions", type=int, default=12, help="how many are counted (default 12)")
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench/instructions.py needs valgrind (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory(prefix="planaudit-instructions-") as scratch:
        data = Path(scratch) / "data"
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(data),
                        "--jurisdictions", str(FIRST + arguments.jurisdictions)], check=True, capture_output=True)
        columns = {"working tree": stages(data, ROOT / "src", arguments.jurisdictions)}
        if arguments.against:
            source = revision_source(arguments.against, Path(scratch) / "revision")
            columns[arguments.against] = stages(data, source, arguments.jurisdictions)
        bare = per_jurisdiction(BARE, data, [], None, arguments.jurisdictions)
    names = list(columns)
    print(f"instructions per jurisdiction, in millions ({arguments.jurisdictions} jurisdictions counted)")
    print(f"{'stage':<10}" + "".join(f"{name:>16}" for name in names))
    for stage in ("read", "judge", "piece", "in all"):
        print(f"{stage:<10}" + "".join(f"{columns[name][stage] / 1e6:>16.2f}" for name in names))
    print(f"a bare CSafeLoader load of the same files: {bare / 1e6:.2f}")
    for name in names:
        print(f"{name}: {columns[name]['in all'] / bare:.2f}× the bare load's instructions")


if __name__ == "__main__":
    main()
