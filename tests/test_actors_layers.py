"""data_prep/actors/ is a hierarchy (the layers of its package docstring): no module imports one of a
higher layer or one listed after it in its own layer, and none imports inside a function."""
import ast
from pathlib import Path

import data_prep.actors

PACKAGE = Path(data_prep.actors.__file__).parent
# In order, lowest first; a module may import the ones before it.
ORDER = ["gazetteer", "naming", "organisation_names", "kinds", "affiliation_facts", "bodies", "documents",
         "textual", "entity_repairs", "titles",
         "book",
         "descriptions", "entities", "pronouns", "phrase_actors", "continuations",
         "speakers",
         "article",
         "aliases", "affiliations", "corpus",
         "__init__"]
LAYER_ONE = set(ORDER[:ORDER.index("textual")])
CORPUS = {"aliases", "affiliations", "corpus"}
# Outside the package; gazetteer reads the outlets table lazily (data_prep.ingest imports no actor module).
LAZY_OUTSIDE = {("gazetteer", "data_prep.ingest.outlets")}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, whether at the top level) for each import of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "data_prep.actors" \
                else [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.extend((name, id(node) in top) for name in names if name.startswith("data_prep"))
    return found


def test_every_module_has_a_place_in_the_layers():
    assert {path.stem for path in PACKAGE.glob("*.py")} == set(ORDER)


def test_no_module_imports_upwards_or_inside_a_function():
    for path in PACKAGE.glob("*.py"):
        module = path.stem
        for name, at_top in _imports(path):
            assert at_top or (module, name) in LAZY_OUTSIDE, f"{module} imports {name} inside a function"
            if not name.startswith("data_prep.actors."):
                continue
            imported = name.removeprefix("data_prep.actors.").split(".")[0]
            assert ORDER.index(imported) < ORDER.index(module), f"{module} imports {imported}, above or beside it"
            if module in CORPUS:
                assert imported in LAYER_ONE | CORPUS, f"corpus module {module} imports the article stage {imported}"
