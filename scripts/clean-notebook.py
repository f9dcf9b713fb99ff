"""Removes what ties an executed notebook to a machine or a moment: execution timestamps,
kernel versions and paths in metadata, and the IDs and counts that change on every run."""
import json
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    notebook["metadata"] = {
        "kernelspec": {"name": "tslab", "display_name": "TypeScript", "language": "typescript"},
        "language_info": {"name": "typescript", "file_extension": ".ts", "mimetype": "text/typescript"},
    }
    for number, cell in enumerate(notebook["cells"], start=1):
        cell.get("metadata", {}).pop("execution", None)
        cell["id"] = f"cell-{number}"
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
            transient = output.get("transient")
            if transient is not None:
                output.pop("transient", None)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(notebook, f, indent=1, ensure_ascii=False)
        f.write("\n")
