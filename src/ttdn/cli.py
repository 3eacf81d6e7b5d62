"""The ``ttdn`` console script.

``ttdn parse`` runs the pure parser without booting Django, so it works on any machine with the
package installed; every other subcommand is a Django management command (``ttdn demo``,
``ttdn serve``, ``ttdn ingest``, ``ttdn migrate``, ``ttdn createsuperuser``, …).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_command(argv: Sequence[str]) -> int:
    """Parse files and print the parser output contract (DESIGN.md) as JSON or a summary."""
    from ttdn.docparse import ReadError, parse_file

    parser = argparse.ArgumentParser(
        prog="ttdn parse",
        description="Phân tích văn bản hành chính / Parse administrative documents.",
    )
    parser.add_argument("files", nargs="+", help="TXT, DOCX, PDF or saved HTML files")
    parser.add_argument("--json", action="store_true", help="print the parser contract as JSON")
    args = parser.parse_args(argv)

    results: list[dict[str, object]] = []
    failed = False
    for path in args.files:
        if not Path(path).is_file():
            failed = True
            results.append({"source": path, "error": "Không tìm thấy tệp."})
            continue
        try:
            results.append(parse_file(path).to_dict())
        except ReadError as error:
            failed = True
            results.append({"source": path, "error": error.message})
        except OSError as error:
            failed = True
            results.append({"source": path, "error": f"Không đọc được tệp: {error.strerror}"})
    if args.json:
        payload: object = results[0] if len(results) == 1 else results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            if "error" in result:
                print(f"{result['source']}: LỖI / ERROR: {result['error']}")
                continue
            metadata = result["metadata"]
            assert isinstance(metadata, dict)
            citations = result["citations"]
            assert isinstance(citations, list)
            print(
                f"{result['source']}: {result['kind']} · {metadata.get('doc_type') or '—'} "
                f"{metadata.get('number') or ''} · {len(citations)} trích dẫn / citations"
            )
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run a ``ttdn`` subcommand."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "parse":
        return parse_command(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ttdn.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ttdn", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
