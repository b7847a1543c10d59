"""Every staff page, walked as every role: each office sees its own (README, "What each role
reads and writes").

The URL list comes from Django's resolver, so a new page under /gestion/ without a row in
EXPECTED fails `test_every_staff_url_has_an_expectation` until someone decides who may open it.
Django's own admin site (/gestion/admin/) is left out: it admits only `is_staff` accounts.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from rendicion.core.models import Office, User

pytestmark = pytest.mark.django_db

ADMIN_SITE = "gestion/admin/"
OFFICE_A = "Dirección de Talento Humano"  # the office of demo-dependencia
SPACE_A = "dialogo-talento-humano-2023"  # organised by office A (and planning)
SPACE_B = "dialogo-red-cade-2023"  # organised by another office (and planning)

# Who asks. "office" is demo-dependencia, asking once for an object of its own office (A) and
# once for another office's (B); the other roles always ask for office B's object.
ROLES = ("anonymous", "admin", "planning", "office A", "office B", "communications")
USERNAMES = {
    "admin": "demo-admin",
    "planning": "demo-planeacion",
    "office A": "demo-dependencia",
    "office B": "demo-dependencia",
    "communications": "demo-comunicaciones",
}

L = "login"  # anonymous visitors are sent to the login page
AUTH = None  # the login and logout pages themselves: not role-gated (see core's tests)

# Expected GET status per role, in the order of ROLES, and who must get 403 on a POST.
# Columns:                 anonymous  admin  planning  office A  office B  communications
ALL = (L, 200, 200, 200, 200, 200)
OWN = (L, 200, 200, 200, 403, 200)  # office staff: only their offices' object
PLANNING = (L, 200, 200, 403, 403, 403)  # administrators and planning
ENTITY = (L, 200, 200, 403, 403, 200)  # figures of every office: not office staff
POST_ONLY = (L, 405, 405, 405, 405, 405)
REDIRECT = (L, 302, 302, 302, 302, 302)
WITH_APP = (L, 200, 200, 302, 302, 302)

OFFICE = ("office A", "office B")
NOT_PLANNING = ("office A", "office B", "communications")

# name: (object the URL points at, extra kwargs, GET statuses, roles refused on POST, POST data)
EXPECTED: dict[str, tuple] = {
    "core:login": (None, {}, AUTH, (), {}),
    "core:logout": (None, {}, AUTH, (), {}),
    "core:audit": (None, {}, (L, 200, 403, 403, 403, 403), (), {}),
    "portal:staff_home": (None, {}, ALL, (), {}),
    "strategy:create": (None, {}, PLANNING, NOT_PLANNING, {}),
    "strategy:staff_detail": ("year", {}, ALL, (), {}),
    "strategy:edit": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:stages_edit": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:team_edit": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:copy": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:cronograma_export": ("year", {}, ALL, (), {}),
    "strategy:cronograma_import": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:activity_create": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:activity_detail": ("activity", {}, OWN, ("office B", "communications"), {}),
    "strategy:activity_edit": ("activity", {}, PLANNING, NOT_PLANNING, {}),
    "strategy:activity_delete": ("activity", {}, POST_ONLY, NOT_PLANNING, {}),
    # A file another office may not see answers 404, as a missing file does (existing rule).
    "strategy:evidence_download": ("evidence", {}, (L, 200, 200, 200, 404, 200), (), {}),
    "strategy:evidence_delete": ("evidence", {}, POST_ONLY, ("office B", "communications"), {}),
    "spaces:staff_list": (None, {}, ALL, (), {}),
    "spaces:staff_create": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "spaces:staff_detail": ("space", {}, OWN, (), {}),
    "spaces:staff_edit": ("space", {}, PLANNING, NOT_PLANNING, {}),
    "spaces:staff_form_window": ("space", {}, POST_ONLY, NOT_PLANNING, {}),
    "spaces:staff_status": ("space", {}, POST_ONLY, NOT_PLANNING, {}),
    "spaces:staff_piece_add": ("space", {}, POST_ONLY, OFFICE, {}),
    "spaces:publication_list": ("year", {}, ALL, (), {}),
    "spaces:publication_create": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "spaces:publication_detail": ("publication", {}, OWN, (), {}),
    # The responsible office prepares its own report; communications only spread it.
    "spaces:publication_edit": (
        "publication",
        {},
        (L, 200, 200, 200, 403, 403),
        ("office B", "communications"),
        {},
    ),
    "spaces:publication_state": ("publication", {}, POST_ONLY, NOT_PLANNING, {}),
    "spaces:publication_spread": ("publication", {}, POST_ONLY, OFFICE, {}),
    "spaces:publication_moderate": (
        "publication",
        {},
        POST_ONLY,
        ("office B", "communications"),
        {},
    ),
    # The memory of a space: its staff read it; planning and communications record it.
    "spaces:staff_memory": ("space", {}, OWN, (), {}),
    "spaces:staff_photo_add": ("space", {}, POST_ONLY, OFFICE, {}),
    "spaces:staff_photo_edit": ("photo", {}, POST_ONLY, OFFICE, {}),
    "spaces:staff_photo_original": ("photo", {}, OWN, (), {}),
    "spaces:staff_recording_add": ("space", {}, POST_ONLY, OFFICE, {}),
    "spaces:staff_highlight_add": ("space", {}, POST_ONLY, OFFICE, {}),
    "spaces:staff_memory_delete": ("photo", {"what": "foto"}, POST_ONLY, OFFICE, {}),
    "strategy:dialogue_plan_edit": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "reports:annual_narratives": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "participation:space": ("space", {}, OWN, (), {}),
    "participation:attendance_export": ("space", {"fmt": "csv"}, PLANNING, (), {}),
    "participation:attendance_import": ("space", {}, PLANNING, NOT_PLANNING, {}),
    "participation:evaluation_import": ("space", {}, PLANNING, NOT_PLANNING, {}),
    "participation:year": ("year", {}, ENTITY, (), {}),
    "assessment:index": (None, {}, ALL, (), {}),
    "assessment:create": (None, {}, PLANNING, NOT_PLANNING, {}),
    "assessment:import": (None, {}, PLANNING, NOT_PLANNING, {}),
    "assessment:comparison": (None, {}, ALL, (), {}),
    "assessment:templates": (None, {}, ALL, NOT_PLANNING, {}),
    "assessment:template_builtin": (None, {}, POST_ONLY, NOT_PLANNING, {}),
    "assessment:template_export": ("template", {}, ALL, (), {}),
    "assessment:detail": ("assessment", {}, ALL, (), {}),
    "assessment:scores": ("assessment", {}, PLANNING, NOT_PLANNING, {}),
    "assessment:export": ("assessment", {}, ALL, (), {}),
    "assessment:point_activity": ("assessment", {"number": 1}, POST_ONLY, NOT_PLANNING, {}),
    "stakeholders:readiness_home": (None, {}, ALL, (), {}),
    "stakeholders:readiness_year": ("year", {}, ALL, (), {}),
    "stakeholders:parrilla": ("year", {}, ALL, OFFICE, {}),
    "stakeholders:group_list": (None, {}, ALL, (), {}),
    "stakeholders:group_create": (None, {}, PLANNING, NOT_PLANNING, {}),
    "stakeholders:need_matrix": (None, {}, ALL, (), {}),
    "stakeholders:group_detail": ("group", {}, ALL, (), {}),
    "stakeholders:group_edit": ("group", {}, PLANNING, NOT_PLANNING, {}),
    "stakeholders:piece_state": ("piece", {}, POST_ONLY, OFFICE, {}),
    "stakeholders:convocation": ("space", {}, OWN, (), {}),
    "stakeholders:convocation_groups": ("space", {}, ENTITY, OFFICE, {}),
    "stakeholders:invitees_export": ("space", {}, PLANNING, (), {}),
    "questions:staff_queue": (None, {}, ALL, (), {}),
    "questions:staff_capture": (None, {}, ENTITY, OFFICE, {}),
    "questions:staff_detail": ("question", {}, OWN, NOT_PLANNING, {"accion": "asignar"}),
    "questions:space_answers": ("space", {}, OWN, NOT_PLANNING, {}),
    "questions:topics_staff_latest": (None, {}, REDIRECT, (), {}),
    "questions:topics_staff": ("year", {}, ALL, (), {}),
    "questions:topic_capture": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "questions:topic_staff_detail": ("topic", {}, OWN, NOT_PLANNING, {}),
    # Office staff get the public version of the matrix (reviewed texts only).
    "questions:topic_matrix": ("year", {"fmt": "html"}, ALL, (), {}),
    "commitments:staff_latest": (None, {}, REDIRECT, (), {}),
    "commitments:staff_list": ("year", {}, ALL, (), {}),
    "commitments:staff_create": ("year", {}, PLANNING, NOT_PLANNING, {}),
    "commitments:colibri_export": ("year", {"fmt": "csv"}, ENTITY, (), {}),
    "commitments:staff_detail": ("commitment", {}, OWN, ("office B", "communications"), {}),
    "commitments:staff_edit": ("commitment", {}, PLANNING, NOT_PLANNING, {}),
    "reports:annual_preview": ("year", {}, ENTITY, (), {}),
    "reports:annual_download": ("year", {"fmt": "json"}, ENTITY, (), {}),
    "reports:annual_publish": ("year", {}, POST_ONLY, NOT_PLANNING, {}),
    "reports:space_preview": ("space", {}, OWN, (), {}),
    "reports:space_publish": ("space", {}, POST_ONLY, NOT_PLANNING, {}),
    # Each staff user's own account and second step: every role, about itself only.
    "core:account": (None, {}, ALL, (), {}),
    "core:password_change": (None, {}, ALL, (), {}),
    # The recovery codes are shown once, right after enrolling: later visits are sent on.
    "core:two_factor_codes": (None, {}, REDIRECT, (), {}),
    # New codes and removing the app need an app: here admin and planning have one, the others
    # (2FA optional for them) do not and are sent to enrol.
    "core:two_factor_codes_regenerate": (None, {}, WITH_APP, (), {}),
    "core:two_factor_enrol": (None, {}, (L, 302, 302, 200, 200, 200), (), {}),
    "core:two_factor_remove": (None, {}, WITH_APP, (), {}),
    # A session that already passed the second step is sent on.
    "core:two_factor_verify": (None, {}, REDIRECT, (), {}),
    # Personal data (Ley 1581): administrators and planning only.
    "privacy:queue": (None, {}, PLANNING, NOT_PLANNING, {}),
    "privacy:request_detail": ("data_request", {}, PLANNING, NOT_PLANNING, {}),
    "privacy:person": (None, {}, PLANNING, NOT_PLANNING, {}),
    # Without a person to export, the page sends back to the search.
    "privacy:person_export": (None, {"fmt": "json"}, (L, 302, 302, 403, 403, 403), (), {}),
    "privacy:person_erase": (None, {}, POST_ONLY, NOT_PLANNING, {}),
    "privacy:rectify": ("attendance", {"record_type": "attendance"}, PLANNING, NOT_PLANNING, {}),
    # API keys: every staff role creates and revokes its own; a key acts as its user.
    "api:token_list": (None, {}, ALL, (), {}),
    "api:token_revoke": (None, {}, POST_ONLY, (), {}),
}


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), inner or namespace
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name


def staff_routes() -> dict[str, str]:
    """Every URL pattern under /gestion/ (Django's admin site excepted), by name."""
    routes: dict[str, str] = {}
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith("gestion/") and not route.startswith(ADMIN_SITE):
            assert name, f"the staff URL {route} has no name"
            assert name not in routes, f"two staff URLs share the name {name}"
            routes[name] = route
    return routes


def test_every_staff_url_has_an_expectation():
    routes = staff_routes()
    missing = sorted(set(routes) - set(EXPECTED))
    assert not missing, (
        "Staff URLs without a row in EXPECTED (decide who may open them, README roles table): "
        + ", ".join(f"{name} ({routes[name]})" for name in missing)
    )
    stale = sorted(set(EXPECTED) - set(routes))
    assert not stale, "EXPECTED names URLs that no longer exist: " + ", ".join(stale)


def test_the_admin_site_is_the_only_staff_area_left_out():
    admin_routes = [r for r, _n in _walk(get_resolver().url_patterns) if r.startswith(ADMIN_SITE)]
    assert admin_routes, "Django's admin site moved: update ADMIN_SITE"


# The objects the URLs point at ------------------------------------------------------------


def _evidence(activity, planner):
    from rendicion.strategy.services import evidence_add

    pdf = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    return evidence_add(
        actor=planner,
        activity=activity,
        date=activity.strategy.created_at.date(),
        office=None,
        file=pdf,
    )


def _objects(demo) -> dict[str, dict[str, dict]]:
    """kwargs for each kind of object: "A" belongs to office A, "B" to another office."""
    from rendicion.assessment.models import AssessmentTemplate
    from rendicion.commitments.models import Commitment
    from rendicion.participation.models import Attendance
    from rendicion.privacy.services import DataRequestData, data_request_receive
    from rendicion.questions.models import ProposedTopic, Question
    from rendicion.spaces.models import CommunicationPiece, Publication, Space
    from rendicion.stakeholders.models import StakeholderGroup
    from rendicion.strategy.models import Activity

    office_a = Office.objects.get(name=OFFICE_A)
    office_b = Office.objects.get(name="Subsecretaría de Servicio a la Ciudadanía")
    planner = User.objects.get(username="demo-planeacion")
    year = demo.strategy.year
    space_a, space_b = Space.objects.get(slug=SPACE_A), Space.objects.get(slug=SPACE_B)
    assert office_a in space_a.organisers.all() and office_a not in space_b.organisers.all()
    activities = Activity.objects.filter(strategy=demo.strategy).order_by("number")
    activity_a = activities.filter(responsible=office_a).first()
    activity_b = activities.exclude(responsible=office_a).first()
    pieces = CommunicationPiece.objects.order_by("pk")
    piece_a = pieces.filter(space=space_a).first() or pieces.create(
        space=space_a, title="Pieza de Talento Humano", channel="Correo", date=space_a.starts_at
    )
    piece_b = pieces.filter(space=space_b).first() or pieces.create(
        space=space_b, title="Pieza de la Red CADE", channel="Correo", date=space_b.starts_at
    )
    topics = ProposedTopic.objects.order_by("pk")
    topic_a = topics.filter(office=office_a).first()
    if topic_a is None:  # another office's objects exist in the demo; make one of A's if not
        topic_a = topics.create(
            entity=demo.strategy.entity,
            text="Tema de Talento Humano",
            channel="public_form",
            proposed_on=space_a.starts_at.date(),
            office=office_a,
        )
    topic_b = topics.exclude(office=office_a).exclude(office=None).first()
    questions = Question.objects.order_by("pk")
    commitments = Commitment.objects.order_by("pk")
    group = StakeholderGroup.objects.order_by("pk").first()
    template = AssessmentTemplate.objects.order_by("pk").first()
    attendance = Attendance.objects.filter(space=space_b).order_by("pk").first()
    data_request = data_request_receive(
        entity=demo.strategy.entity,
        data=DataRequestData(
            right="know",
            full_name="Persona Ficticia",
            document_number="99000555",
            email="persona.ficticia@example.invalid",
        ),
        submission_key=None,
    )

    def pair(a: dict, b: dict) -> dict[str, dict]:
        return {"A": a, "B": b}

    return {
        "year": pair({"year": year}, {"year": year}),
        "assessment": pair({"year": year - 1}, {"year": year - 1}),
        "template": pair({"pk": template.pk}, {"pk": template.pk}),
        "group": pair({"pk": group.pk}, {"pk": group.pk}),
        "space": pair({"slug": space_a.slug}, {"slug": space_b.slug}),
        "activity": pair(
            {"year": year, "number": activity_a.number},
            {"year": year, "number": activity_b.number},
        ),
        "evidence": pair(
            {"pk": _evidence(activity_a, planner).pk}, {"pk": _evidence(activity_b, planner).pk}
        ),
        "piece": pair({"pk": piece_a.pk}, {"pk": piece_b.pk}),
        "photo": pair(
            {"slug": space_a.slug, "pk": space_a.photos.order_by("pk").first().pk},
            {"slug": space_b.slug, "pk": space_b.photos.order_by("pk").first().pk},
        ),
        "question": pair(
            {"pk": questions.filter(office=office_a).first().pk},
            {"pk": questions.filter(office=office_b).first().pk},
        ),
        "topic": pair({"pk": topic_a.pk}, {"pk": topic_b.pk}),
        "commitment": pair(
            {"pk": commitments.filter(office=office_a).first().pk},
            {"pk": commitments.filter(office=office_b).first().pk},
        ),
        "data_request": pair({"pk": data_request.pk}, {"pk": data_request.pk}),
        "attendance": pair({"pk": attendance.pk}, {"pk": attendance.pk}),
        "publication": pair(
            {"pk": Publication.objects.filter(office=office_a).order_by("pk").first().pk},
            {"pk": Publication.objects.filter(office=office_b).order_by("pk").first().pk},
        ),
    }


def _url(name: str, objects: dict, role: str) -> str:
    kind, extra, *_rest = EXPECTED[name]
    kwargs = dict(objects[kind]["A" if role == "office A" else "B"]) if kind else {}
    kwargs.update(extra)
    return reverse(name, kwargs=kwargs)


def _status(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith(reverse("core:login")):
        return L
    return response.status_code


def _login(client, role: str) -> None:
    client.logout()
    if role != "anonymous":
        client.force_login(User.objects.get(username=USERNAMES[role]))


def _snapshot() -> dict[str, int]:
    """Row counts of every table and the audit trail: a refused write changes none of them."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_exactly_the_staff_pages_its_rule_allows(client, demo, role):
    objects = _objects(demo)
    _login(client, role)
    wrong = []
    for name, (_kind, _extra, statuses, _refused, _data) in sorted(EXPECTED.items()):
        if statuses is AUTH:
            continue
        expected = statuses[ROLES.index(role)]
        url = _url(name, objects, role)
        got = _status(client.get(url))
        if got != expected:
            wrong.append(f"GET {url} ({name}) as {role}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ("anonymous", *NOT_PLANNING))
def test_refused_writes_answer_403_and_change_nothing(client, demo, role):
    objects = _objects(demo)
    _login(client, role)
    before = _snapshot()
    wrong = []
    for name, (_kind, _extra, _statuses, refused, data) in sorted(EXPECTED.items()):
        if role != "anonymous" and role not in refused:
            continue
        if role == "anonymous" and not refused:
            continue
        url = _url(name, objects, role)
        got = _status(client.post(url, data))
        expected = L if role == "anonymous" else 403
        if got != expected:
            wrong.append(f"POST {url} ({name}) as {role}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)
    assert _snapshot() == before


# Lists keep only the office's own rows ------------------------------------------------------


def _list_offices(demo) -> dict[str, tuple[str, callable]]:
    """Staff lists and, for each, the offices of the rows it shows (from the page's context)."""
    from rendicion.spaces.models import Space

    year = demo.strategy.year

    def space_offices(spaces):
        ids = [s.pk for s in spaces]
        return {
            frozenset(s.organisers.values_list("name", flat=True))
            for s in Space.objects.filter(pk__in=ids)
        }

    return {
        "spaces": (
            reverse("spaces:staff_list"),
            lambda c: space_offices(c["spaces"]),
        ),
        "activities": (
            reverse("strategy:staff_detail", args=[year]),
            lambda c: {
                frozenset(o.name for o in row.activity.responsible.all())
                for row in c["detail"].activities
            },
        ),
        "questions": (
            reverse("questions:staff_queue") + "?view=all",
            lambda c: {frozenset([q.office.name]) for q, _left, _t in c["rows"]},
        ),
        "topics": (
            reverse("questions:topics_staff", args=[year]),
            lambda c: {frozenset([t.office.name if t.office else ""]) for t in c["topics"]},
        ),
        "commitments": (
            reverse("commitments:staff_list", args=[year]),
            lambda c: {frozenset([r.commitment.office.name]) for r in c["rows"]},
        ),
        "parrilla": (
            reverse("stakeholders:parrilla", args=[year]),
            lambda c: space_offices([piece.space for piece, _form in c["rows"]]),
        ),
        "aprestamiento": (
            reverse("stakeholders:readiness_year", args=[year]),
            lambda c: space_offices(c["spaces"]),
        ),
    }


def test_office_staff_lists_show_only_their_offices_rows(client, demo):
    _objects(demo)  # office A has a topic and a communication piece
    lists = _list_offices(demo)
    client.force_login(User.objects.get(username="demo-planeacion"))
    everyone = {key: extract(client.get(url).context) for key, (url, extract) in lists.items()}
    client.force_login(User.objects.get(username="demo-dependencia"))
    for key, (url, extract) in lists.items():
        shown = extract(client.get(url).context)
        assert shown, f"{key}: office A's own rows are missing"
        assert all(OFFICE_A in offices for offices in shown), f"{key}: {shown}"
        assert len(everyone[key]) > len(shown), f"{key}: planning should see other offices too"


def test_office_staff_do_not_see_year_wide_participation(client, demo):
    client.force_login(User.objects.get(username="demo-dependencia"))
    strategy_page = client.get(reverse("strategy:staff_detail", args=[demo.strategy.year]))
    assert reverse("participation:year", args=[demo.strategy.year]) not in strategy_page.text
    assert reverse("reports:annual_preview", args=[demo.strategy.year]) not in strategy_page.text
    groups = client.get(reverse("stakeholders:group_list"))
    assert "Participación por grupo de valor" not in groups.text
