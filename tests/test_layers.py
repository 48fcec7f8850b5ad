"""The architecture the README describes, held by a test: auditor's modules form layers, each
importing only its own layer and those below, and no module imports itself round a circle.

Every import counts, at the top of a module or inside a function (a lazy import is still a
dependency), except those under ``if TYPE_CHECKING:``, which exist for annotations only.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "auditor"

# Layer of each module, by the longest matching dotted prefix; lower numbers are lower layers.
LAYERS = {
    # 0 the text model and the plumbing under everything: documents, segmentation, languages,
    # word knowledge, findings, reading and writing files
    "auditor.io": 0, "auditor.lazy": 0, "auditor.findings": 0, "auditor.languages": 0,
    "auditor.document": 0, "auditor.words": 0, "auditor.segment": 0, "auditor.lexicon": 0, "auditor.langid": 0,
    "auditor.memo": 0, "auditor.prefilter": 0, "auditor.scoring": 0, "auditor.furniture": 0,
    "auditor.markup": 0, "auditor.furniture_phrases": 0, "auditor.pattern_openings": 0,
    # 1 analyses and rules: what can be said of a document, and the checker that runs the rules
    "auditor.rules": 1, "auditor.checker": 1, "auditor.fix": 1, "auditor.names": 1,
    "auditor.roundtrip.align": 1, "auditor.roundtrip.metrics": 1, "auditor.roundtrip.quality": 1,
    "auditor.mt.pieces": 1, "auditor.suppress": 1, "auditor.baseline": 1,
    # 2 engines and stores: MT engines, caches, the round trip through them, name stores
    "auditor.mt": 2, "auditor.roundtrip": 2, "auditor.names.stylesheet": 2,
    "auditor.names.corpus": 2, "auditor.names.report": 2,
    # 3 the session: configuration and the resources built from it
    "auditor.config": 3, "auditor.session": 3, "auditor.settings": 3,
    # 4 front ends and output
    "auditor.cli": 4, "auditor.service": 4, "auditor.batch": 4, "auditor.formatters": 4, "auditor.report": 4,
    "auditor.progress": 4, "auditor.__main__": 4,
    "auditor": 4,  # the package itself: the public API, which re-exports from below
}
NAMES = ("text model and plumbing", "analyses and rules", "engines and stores", "session", "front ends")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _layer(module: str) -> int:
    best = max((prefix for prefix in LAYERS if module == prefix or module.startswith(prefix + ".")), key=len)
    return LAYERS[best]


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def import_graph() -> dict[str, set[str]]:
    """Each module of auditor with the modules of auditor it imports."""
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            graph[module].update(t for t in targets if t in modules and t != module)
    return graph


def test_no_module_imports_a_higher_layer():
    wrong = [f"{m} ({NAMES[_layer(m)]}) imports {t} ({NAMES[_layer(t)]})"
             for m, targets in import_graph().items() for t in sorted(targets) if _layer(t) > _layer(m)]
    assert not wrong, "\n".join(wrong)


def test_the_import_graph_has_no_circle():
    graph = import_graph()
    circles = _strongly_connected(graph)
    assert not circles, "import circles: " + "; ".join(" <-> ".join(sorted(c)) for c in circles)


def test_the_layer_test_sees_a_violation():
    # The test above must be able to fail: a rule importing the CLI would be caught.
    assert _layer("auditor.rules.glued") < _layer("auditor.cli.check")
    assert _layer("auditor.roundtrip.quality") < _layer("auditor.roundtrip.trip")
    assert _layer("auditor.document") < _layer("auditor.session") < _layer("auditor.formatters.json_")
    graph = import_graph()
    assert "auditor.rules.base" in graph["auditor.rules"]  # relative and absolute imports are both seen
    assert any(t.startswith("auditor.rules") for t in graph["auditor.checker"])  # lazy imports count


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively: the groups of two or more modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(group)
    return found
