import calendar as calendar_module
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from erasmi.core import fragments, languages, once, pagecache, params, permissions, texts
from erasmi.core.models import ContentVersion
from erasmi.core.spreadsheets import XLSX_TYPE
from erasmi.events import exports, ical, notices, services
from erasmi.events.forms import EventForm, MinutesForm
from erasmi.events.models import Event, Registration
from erasmi.networks import people
from erasmi.networks.editing import edit_page
from erasmi.networks.forms import DocumentForm
from erasmi.networks.models import HistoryEntry, Network, Person, Role, WorkingGroup
from erasmi.networks.views import _network
from erasmi.notifications.services import recipient


def _month(request) -> datetime.date:
    return params.month(request.GET.get("month"), default=timezone.localdate().replace(day=1))


def _calendar(request, network, group=None):
    internal = permissions.can(request.user, "network.view_internal", network)
    events = Event.objects.visible_to(request.user, network).select_related("network", "working_group")
    if group:
        events = events.filter(working_group=group)
    if kind := request.GET.get("kind"):
        events = events.filter(kind=kind)
    kind = kind if kind in Event.Kind.values else ("" if not kind else "unknown")  # (a key of the kept month)
    view = "list" if request.GET.get("view") == "list" else "month"
    context = {"network": network, "group": group, "view": view, "kinds": Event.Kind.choices, "kind": kind}
    if view == "list":
        context["events"] = events.upcoming()[:100]
    else:
        month = _month(request)
        context.update(
            month=month,
            previous=(month - datetime.timedelta(days=1)).replace(day=1),
            next=(month + datetime.timedelta(days=32)).replace(day=1),
            # A month is the same for everyone who sees the same events: kept until the events change.
            versions=fragments.versions(f"events:{network.pk}"),
            internal=internal,
            weeks=fragments.lazy(lambda: _weeks(network, events, month)),
        )
    if network and internal and request.user.is_authenticated:
        context["feed_url"] = request.build_absolute_uri(
            f"/feeds/personal/{Person.for_user(request.user).feed_token}.ics"
        )
    context["public_feed_url"] = request.build_absolute_uri(f"/feeds/networks/{network.slug}.ics")
    return render(request, "events/calendar.html", context)


def _weeks(network, events, month: datetime.date) -> list:
    """The month's weeks: (day, the day's events as a cell shows them, whether the day is in the month)."""
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(weeks[0][0], datetime.time.min, tz)
    end = datetime.datetime.combine(weeks[-1][-1], datetime.time.max, tz)
    # A month can hold hundreds of events: read only what a cell shows, no model objects.
    base = reverse("events:detail", args=[network.slug, 0])[: -len("0/")]
    by_day = {}
    # The title in the reader's language (its version read from the row, not the whole translations).
    language = languages.current()
    shown = events.filter(starts__gte=start, starts__lte=end).values_list(
        "pk", "title", "starts", "status", "language", f"translations__{language}__title"
    )
    for pk, title, starts, status, written_in, version in shown:
        local = timezone.localtime(starts)
        title = texts.shown(title, written_in, version, language)
        by_day.setdefault(local.date(), []).append(
            {"url": f"{base}{pk}/", "title": title, "time": local, "cancelled": status == Event.Status.CANCELLED}
        )
    return [[(day, by_day.get(day, []), day.month == month.month) for day in week] for week in weeks]


def network_calendar(request, slug):
    network = _network(request, slug)
    return pagecache.cached(request, [f"events:{network.pk}"], lambda: _calendar(request, network))


@login_required
def group_calendar(request, slug, group):
    network = _network(request, slug, "network.view_internal")
    return _calendar(request, network, get_object_or_404(WorkingGroup, network=network, slug=group))


@require_POST
@login_required
def renew_feed(request, slug):
    """The owner of a personal feed gets a new address for it, e.g. after sharing it by mistake."""
    network = _network(request, slug, "network.view_internal")
    Person.for_user(request.user).renew_feed_token()
    messages.success(request, _("Your personal feed has a new address; the old one no longer works."))
    return redirect("events:network_calendar", slug=network.slug)


def _event(request, slug, pk, action="event.view") -> Event:
    event = get_object_or_404(Event.objects.select_related("network", "working_group__lead"), network__slug=slug, pk=pk)
    permissions.require(request.user, "event.view", event, hide=True)  # who may not see it learns nothing of it
    if action != "event.view":
        permissions.require(request.user, action, event)
    return event


def event_detail(request, slug, pk):
    event = _event(request, slug, pk)
    registration = None
    if request.user.is_authenticated:
        registration = event.registrations.filter(person__user=request.user).first()
    can_manage = permissions.can(request.user, "event.manage", event)
    counts = {s: 0 for s in Registration.Status.values}
    for status in event.registrations.values_list("status", flat=True):
        counts[status] += 1
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "network": event.network,
            "registration": registration,
            "can_register": permissions.can(request.user, "event.register", event)
            and not event.is_past
            and not event.is_cancelled,
            "can_manage": can_manage,
            "confirmed": counts[Registration.Status.CONFIRMED],
            "waiting": counts[Registration.Status.WAITING],
            "documents": event.documents.all()
            if permissions.can(request.user, "network.view_internal", event.network)
            else [],
            "document_form": DocumentForm(network=event.network) if can_manage else None,
            "records": people.records_of(event.network),
            "registrations": event.registrations.exclude(status=Registration.Status.CANCELLED).select_related(
                "person__organisation"
            )
            if can_manage
            else [],
        },
    )


def event_ics(request, slug, pk):
    event = _event(request, slug, pk)
    language = languages.current()
    response = HttpResponse(
        ical.calendar(
            [event], event.text_in("title", language)[0], request.build_absolute_uri("/")[:-1], language=language
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_POST
@login_required
def register(request, slug, pk):
    event = _event(request, slug, pk)
    permissions.require(request.user, "event.register", event)
    if event.is_cancelled:
        messages.error(request, _("The meeting was cancelled; registration is closed."))
        return redirect(event.get_absolute_url())
    try:
        registration = services.register(event, Person.for_user(request.user))
    except services.RegistrationError:
        messages.error(request, _("The event is over; registration is closed."))
        return redirect(event.get_absolute_url())
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered."))
    else:
        messages.info(request, _("All places are taken; you are on the waiting list."))
    return redirect(event.get_absolute_url())


@require_POST
@login_required
def cancel(request, slug, pk):
    event = _event(request, slug, pk)
    registration = get_object_or_404(event.registrations, person__user=request.user)
    services.cancel(registration)
    messages.success(request, _("Your registration was cancelled."))
    return redirect(event.get_absolute_url())


def _plannable_groups(request, network, *, required: bool = True):
    """None for who may plan the network's meetings; else the open groups the person runs (404 if none and
    ``required``: a lead plans only for their groups, and moves a meeting only between them)."""
    if permissions.can(request.user, "network.manage", network):
        return None
    groups = network.working_groups.open().select_related("lead", "network")
    mine = [g.pk for g in groups if permissions.can(request.user, "group.manage", g)]
    if not mine and required:
        raise Http404
    return groups.filter(pk__in=mine)


@login_required
def event_create(request, slug):
    network = _network(request, slug, "network.view_internal")
    groups = _plannable_groups(request, network)
    initial = {}
    choosable = groups if groups is not None else network.working_groups.open()
    if group := choosable.filter(slug=request.GET.get("group") or "").first():
        # Planned from the group's page: the group is chosen, and so is the kind.
        initial = {"working_group": group.pk, "kind": Event.Kind.GROUP_MEETING}
    form = EventForm(request.POST or None, network=network, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            form.instance.created_by = request.user
            event = form.save()
            HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, event)
            once.done(request, form, event.get_absolute_url())
        messages.success(request, _("The meeting was scheduled."))
        return redirect(event.get_absolute_url())
    return render(request, "events/form.html", {"network": network, "form": form, "group": group})


@login_required
def event_edit(request, slug, pk):
    event = _event(request, slug, pk, "event.manage")
    groups = _plannable_groups(request, event.network, required=False)
    return edit_page(
        request,
        event,
        lambda data, instance: EventForm(data, instance=instance, network=event.network, groups=groups),
        network=event.network,
        template="events/form.html",
        context={"network": event.network, "event": event},
        saved=_("The meeting was saved."),
        after=event.get_absolute_url(),
        on_saved=lambda form: notices.changed(event, form.changes),
    )


@login_required
def minutes(request, slug, pk):
    event = _event(request, slug, pk, "event.manage")
    return edit_page(
        request,
        event,
        lambda data, instance: MinutesForm(data, instance=instance),
        network=event.network,
        template="events/minutes.html",
        context={"network": event.network, "event": event},
        saved=_("Minutes and decisions were saved."),
        after=event.get_absolute_url(),
    )


FEED_HISTORY = datetime.timedelta(days=365)  # a subscription shows the past year and everything ahead


def _feed(events, name: str, networks, variant: str, request, language: str) -> HttpResponse:
    """The iCalendar body, generated once per change of the networks' events and then read from the cache;
    the meetings' titles and descriptions in the ``language`` where they have a version in it."""
    tokens = "-".join(f"{n.pk}:{ContentVersion.current(f'events:{n.pk}')}" for n in networks)
    key = f"feed:{fragments.release()}:{variant}:{language}:{tokens}"
    body = pagecache.read(key)
    if body is None:
        since = timezone.now() - FEED_HISTORY
        events = events.filter(ends__gte=since).select_related("network")
        body = ical.calendar(events, name, request.build_absolute_uri("/")[:-1], language=language)
        pagecache.write(key, body)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def network_feed(request, slug):
    """The public events of a network, for calendar programs."""
    network = get_object_or_404(Network, slug=slug)
    events = network.events.filter(visibility=Event.Visibility.PUBLIC)
    return _feed(events, network.name, [network], "public", request, languages.current())


def personal_feed(request, token):
    """All events of the networks where a person has access, members-only ones included; the token is the key."""
    person = Person.objects.select_related("user").filter(feed_token=token).first()
    if person is None or len(token) < 20:
        raise Http404
    networks = list(Network.objects.filter(roles__in=Role.objects.active().filter(person=person)).order_by("pk"))
    events = Event.objects.filter(network__in=networks)
    language = recipient(person)[1]  # the person's own language, whoever's program asks
    return _feed(events, "Erasmi", networks, f"person-{person.pk}", request, language)


@login_required
def event_cancel(request, slug, pk):
    """A coordinator (or the group's lead) calls a meeting off, after confirming; registrants are told by mail."""
    event = _event(request, slug, pk, "event.manage")
    if request.method != "POST":
        if event.is_cancelled:
            messages.info(request, _("The meeting was cancelled already."))
            return redirect(event.get_absolute_url())
        told = (Registration.Status.CONFIRMED, Registration.Status.WAITING)
        return render(
            request,
            "events/cancel.html",
            {"network": event.network, "event": event, "told": event.registrations.filter(status__in=told).count()},
        )
    sent = services.cancel_event(event, request.user)
    if sent is None:  # a second click, or someone else was quicker
        messages.info(request, _("The meeting was cancelled already."))
    else:
        messages.success(
            request,
            ngettext(
                "The meeting was cancelled; %(count)s person was told by mail.",
                "The meeting was cancelled; %(count)s people were told by mail.",
                sent,
            )
            % {"count": sent},
        )
    return redirect(event.get_absolute_url())


@login_required
def participants_xlsx(request, slug, pk):
    event = _event(request, slug, pk, "event.manage")
    response = HttpResponse(exports.participants_xlsx(event), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-participants.xlsx"'
    return response
