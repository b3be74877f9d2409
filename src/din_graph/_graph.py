"""Model <-> networkx: the DIN as a directed graph (DESIGN.md §3).

Nodes are keyed ``"<programme-id>/<local-id>"`` and carry a ``kind``
(``vision``, ``strategic_goal``, ``operational_goal``, ``effort``, ``owner``,
``placeholder``) plus the model's own fields (an effort's own kind as ``effort_kind``).  Edges run from means to ends:
effort -> goal -> strategic goal -> vision with ``relation="contributes_to"``,
and owner -> effort with ``relation="owns"`` and the effort's ``role``.  Edges
between programmes carry ``cross_programme=True``.  A reference to a node that
is not in the graph (another programme not loaded) ends in a node of kind
``external``.

The graph is built from the model and turns back into it without loss, so
analysts can work on the graph and hand it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._errors import DinError
from ._model import Effort, OperationalGoal, Owner, Placeholder, Portfolio, Programme, StrategicGoal, parse_reference
from ._validate import VISION_IDS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["KINDS", "from_networkx", "node_key", "to_networkx"]

#: Node kinds in the order they are added to a graph (and read back).
KINDS = ("vision", "strategic_goal", "operational_goal", "effort", "placeholder", "owner")
_FIELDS = {
    "strategic_goal": ("strategic_goals", StrategicGoal),
    "operational_goal": ("operational_goals", OperationalGoal),
    "effort": ("efforts", Effort),
    "placeholder": ("placeholders", Placeholder),
    "owner": ("owners", Owner),
}
_META_EXCLUDE = {"vision", *(field for field, _ in _FIELDS.values())}
_EDGE_FIELDS = {"contributes_to", "owner"}


def node_key(programme_id: str, local_id: str) -> str:
    """The graph key of a node: ``"<programme-id>/<local-id>"``.

    Examples
    --------
    >>> node_key("almelo-duurzaamheid", "E1")
    'almelo-duurzaamheid/E1'
    """
    return f"{programme_id}/{local_id}"


def to_networkx(obj: Programme | Portfolio) -> nx.DiGraph:
    """The ``DiGraph`` of a programme or a portfolio (the union of its programmes).

    Examples
    --------
    >>> from din_graph import Programme, to_networkx
    >>> p = Programme(id="p", name="P", vision="Een groene stad",
    ...               strategic_goals=[{"id": "S1", "title": "Groener"}],
    ...               efforts=[{"id": "E1", "title": "Bomen", "contributes_to": ["S1"], "owner": "team"}],
    ...               owners=[{"id": "team", "name": "Team Groen", "type": "team"}])
    >>> g = to_networkx(p)
    >>> sorted(g.edges(data="relation"))
    [('p/E1', 'p/S1', 'contributes_to'), ('p/S1', 'p/vision', 'contributes_to'), ('p/team', 'p/E1', 'owns')]
    >>> g.nodes["p/E1"]["kind"]
    'effort'
    """
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    programmes: tuple[Programme, ...]
    if isinstance(obj, Portfolio):
        graph.graph["portfolio"] = obj.model_dump(exclude={"programmes"}, exclude_defaults=True)
        programmes = obj.programmes
    else:
        programmes = (obj,)
    graph.graph["programmes"] = {
        p.id: p.model_dump(exclude=_META_EXCLUDE, exclude_defaults=True) | {"id": p.id} for p in programmes
    }
    for programme in programmes:
        _add_nodes(graph, programme)
    for programme in programmes:
        _add_edges(graph, programme)
    return graph


def _add_nodes(graph: nx.DiGraph, programme: Programme) -> None:
    pid = programme.id
    if programme.vision is not None:
        graph.add_node(node_key(pid, "vision"), kind="vision", programme=pid, id="vision", text=programme.vision.text)
    for kind, (field, _) in _FIELDS.items():
        for item in getattr(programme, field):
            attrs = item.model_dump(exclude=_EDGE_FIELDS, exclude_defaults=False)
            if "kind" in attrs:
                # `kind` on a node is the node kind; an effort's own kind moves aside.
                attrs["effort_kind"] = attrs.pop("kind")
            graph.add_node(node_key(pid, item.id), kind=kind, programme=pid, **attrs)


def _add_edges(graph: nx.DiGraph, programme: Programme) -> None:
    pid = programme.id
    vision = node_key(pid, "vision")
    if programme.vision is not None:
        for goal in programme.strategic_goals:
            graph.add_edge(
                node_key(pid, goal.id), vision, relation="contributes_to", cross_programme=False, implicit=True
            )
    items: Iterable[OperationalGoal | Effort | Placeholder] = (
        *programme.operational_goals,
        *programme.efforts,
        *programme.placeholders,
    )
    for item in items:
        source = node_key(pid, item.id)
        for order, ref in enumerate(item.contributes_to):
            target_pid, local = parse_reference(ref, pid)
            if local in VISION_IDS:
                local = "vision"
            target = node_key(target_pid, local)
            if target not in graph:
                graph.add_node(target, kind="external", programme=target_pid, id=local)
            graph.add_edge(
                source,
                target,
                relation="contributes_to",
                cross_programme=target_pid != pid,
                ref=ref,
                order=order,
            )
    for effort in programme.efforts:
        if effort.owner is None:
            continue
        owner = node_key(pid, effort.owner)
        if owner not in graph:
            graph.add_node(owner, kind="external", programme=pid, id=effort.owner)
        graph.add_edge(owner, node_key(pid, effort.id), relation="owns", role=effort.role, cross_programme=False)


def from_networkx(graph: nx.DiGraph) -> Programme | Portfolio:
    """The model a graph made by :func:`to_networkx` stands for.

    Node attributes are read back through the model, so edits an analyst made
    to them are validated; edges give ``contributes_to`` (in their ``order``)
    and each effort's ``owner``.

    Raises
    ------
    DinError
        The graph lacks the metadata :func:`to_networkx` writes, or holds a node
        the model cannot accept.

    Examples
    --------
    >>> from din_graph import Programme, from_networkx, to_networkx
    >>> p = Programme(id="p", name="P", efforts=[{"id": "E1", "title": "Bomen"}])
    >>> from_networkx(to_networkx(p)) == p
    True
    """
    meta = graph.graph.get("programmes")
    if not isinstance(meta, dict):
        raise DinError("graph has no 'programmes' metadata; build it with din_graph.to_networkx")
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {pid: {k: [] for k in KINDS} for pid in meta}
    for key, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if kind == "external":
            continue
        pid = attrs.get("programme")
        if pid not in groups or kind not in groups[pid]:
            raise DinError(f"node {key!r}: unknown programme {pid!r} or kind {kind!r}")
        record = {k: v for k, v in attrs.items() if k not in ("kind", "programme")}
        if "effort_kind" in record:
            record["kind"] = record.pop("effort_kind")
        if kind in ("operational_goal", "effort", "placeholder"):
            out = [
                (data.get("order", 0), data["ref"])
                for _, _, data in graph.out_edges(key, data=True)
                if data.get("relation") == "contributes_to" and "ref" in data
            ]
            record["contributes_to"] = [ref for _, ref in sorted(out, key=lambda pair: pair[0])]
        if kind == "effort":
            owners = [graph.nodes[u].get("id") for u, _, rel in graph.in_edges(key, data="relation") if rel == "owns"]
            if len(owners) > 1:
                raise DinError(f"effort {key!r} has {len(owners)} owners; the model holds one")
            if owners:
                record["owner"] = owners[0]
        groups[pid][kind].append(record)
    programmes = []
    for pid, data in meta.items():
        fields: dict[str, Any] = dict(data)
        if groups[pid]["vision"]:
            fields["vision"] = {"text": groups[pid]["vision"][0]["text"]}
        for kind, (field, _) in _FIELDS.items():
            fields[field] = groups[pid][kind]
        try:
            programmes.append(Programme.model_validate(fields))
        except Exception as err:  # pydantic's ValidationError, reported in our tree
            raise DinError(f"programme {pid!r} cannot be rebuilt from the graph: {err}") from None
    if "portfolio" in graph.graph:
        return Portfolio.model_validate({**graph.graph["portfolio"], "programmes": programmes})
    if len(programmes) != 1:
        raise DinError(f"graph holds {len(programmes)} programmes but no portfolio metadata")
    return programmes[0]
