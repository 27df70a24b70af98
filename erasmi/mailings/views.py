"""The info mail's pages: a network's mail page and archive, composing, preview, and the subscriber's own pages."""

import smtplib

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, permissions
from erasmi.mailings import composing, services
from erasmi.mailings.forms import (
    MailingForm,
    NewsForm,
    PreferencesForm,
    ScheduleForm,
    SubscribeForm,
    TestSendForm,
    VersionForm,
)
from erasmi.mailings.models import (
    Delivery,
    MailEditor,
    Mailing,
    MailingVersion,
    NewsItem,
    NewsVersion,
    Subscriber,
    TranslationState,
)
from erasmi.networks.models import Network, Role

MAIL_FAILED = (OSError, smtplib.SMTPException)
# The mail's HTML has inline styles (mail programs need them); its preview page alone allows them, in a
# sandbox without scripts, forms or anything from elsewhere, framed by our own page only.
PREVIEW_POLICY = {
    "default-src": [NONE],
    "script-src": [NONE],
    "font-src": [NONE],
    "connect-src": [NONE],
    "base-uri": [NONE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:"],
    "form-action": [NONE],
    "frame-ancestors": [SELF],
    "sandbox": [],
}


def _network(request, slug, action=None) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if action:
        permissions.require(request.user, action, network, hide=True)
    return network


def _mailing(network, pk) -> Mailing:
    return get_object_or_404(Mailing.objects.select_related("network"), network=network, pk=pk)


def _archive(request, network):
    mailings = Mailing.objects.filter(network=network, state=Mailing.State.SENT).prefetch_related("versions")
    if not permissions.can(request.user, "network.view_internal", network):
        mailings = mailings.filter(visibility=Mailing.Visibility.PUBLIC)
    reader = languages.current()
    return [(m, m.version(reader)) for m in mailings.order_by("-sent")]


def index(request, slug):
    """The network's mail page: subscribing for everyone, the archive, and the composing tools for its editors."""
    network = _network(request, slug)
    may_compose = permissions.can(request.user, "mailing.compose", network)
    is_member = permissions.can(request.user, "network.view_internal", network)
    context = {
        "network": network,
        "may_compose": may_compose,
        "is_member": is_member,
        "subscription": services.member_subscription(network, request.user) if is_member else None,
        "form": SubscribeForm(initial={"language": languages.current()}),
        "archive": _archive(request, network),
    }
    if may_compose:
        context["drafts"] = (
            Mailing.objects.filter(network=network)
            .exclude(state=Mailing.State.SENT)
            .prefetch_related("versions")
            .order_by("-created")
        )
        context["news"] = NewsItem.objects.filter(network=network).prefetch_related("versions")[:20]
        context["subscribers"] = Subscriber.objects.filter(network=network).aggregate(
            confirmed=Count("pk", filter=Q(state=Subscriber.State.CONFIRMED, paused=False)),
            paused=Count("pk", filter=Q(state=Subscriber.State.CONFIRMED, paused=True)),
        )
        context["paused"] = Subscriber.objects.filter(network=network, paused=True).order_by("email")[:50]
    if permissions.can(request.user, "network.manage", network):
        context["editors"] = MailEditor.objects.filter(network=network).select_related("person")
        allowed = {e.person_id for e in context["editors"]}
        roles = Role.objects.active().filter(network=network, kind=Role.Kind.MEMBER).select_related("person", "record")
        context["candidates"] = sorted(
            (r for r in roles if r.person_id not in allowed), key=lambda r: str(r.entry).lower()
        )
    return render(request, "mailings/index.html", context)


@login_required
@require_POST
def editors(request, slug):
    """A coordinator allows a member to write news and compose and send the network's mails, or no longer."""
    network = _network(request, slug, "network.manage")
    role = get_object_or_404(Role.objects.active(), network=network, pk=request.POST.get("role"))
    if request.POST.get("action") == "remove":
        MailEditor.objects.filter(network=network, person=role.person).delete()
        messages.success(request, _("%(name)s no longer writes the network's mails.") % {"name": role.entry})
    else:
        MailEditor.objects.get_or_create(network=network, person=role.person)
        messages.success(request, _("%(name)s may now write and send the network's mails.") % {"name": role.entry})
    return redirect("mailings:index", slug=slug)


@require_POST
def subscribe(request, slug):
    network = _network(request, slug)
    if request.POST.get("member") and permissions.can(request.user, "network.view_internal", network):
        services.subscribe_member(network, request.user)
        messages.success(request, _("You receive the mails of this network now."))
        return redirect("mailings:index", slug=slug)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "mailings/subscribe.html", {"network": network, "form": form}, status=400)
    try:
        services.subscribe_visitor(network, form.cleaned_data["email"], form.cleaned_data["language"])
    except MAIL_FAILED:
        messages.error(request, _("The confirmation mail could not be sent. Please try again later."))
        return redirect("mailings:index", slug=slug)
    # The same answer whether the address was known or not: the page tells nobody who subscribed.
    return render(request, "mailings/subscribe.html", {"network": network, "sent_to": form.cleaned_data["email"]})


@login_required
def news_new(request, slug):
    network = _network(request, slug, "mailing.compose")
    form = NewsForm(request.POST or None, initial={"language": languages.current()})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            item = NewsItem.objects.create(network=network, author=request.user)
            NewsVersion.objects.create(
                item=item,
                language=form.cleaned_data["language"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
            once.done(request, form, _news_url(network, item))
        messages.success(request, _("The news item was saved."))
        return redirect("mailings:index", slug=slug)
    return render(request, "mailings/news_form.html", {"network": network, "form": form})


def _news_url(network, item):
    from django.urls import reverse

    return reverse("mailings:news", kwargs={"slug": network.slug, "pk": item.pk})


@login_required
def news_edit(request, slug, pk):
    """A news item in a language: the original, or a translation of it."""
    network = _network(request, slug, "mailing.compose")
    item = get_object_or_404(NewsItem.objects.prefetch_related("versions"), network=network, pk=pk)
    language = request.GET.get("language") or request.POST.get("language") or ""
    versions = {v.language: v for v in item.versions.all()}
    if language not in languages.codes():
        language = next(iter(versions), languages.current())
    current = versions.get(language)
    initial = {"language": language, "title": current.title, "body": current.body} if current else {}
    form = NewsForm(request.POST or None, initial=initial or {"language": language})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        _save_version(
            NewsVersion,
            {"item": item},
            language,
            {"title": form.cleaned_data["title"], "body": form.cleaned_data["body"]},
        )
        messages.success(request, _("The news item was saved."))
        return redirect("mailings:index", slug=slug)
    return render(
        request,
        "mailings/news_form.html",
        {"network": network, "form": form, "item": item, "versions": versions, "language": language},
    )


def _save_version(model, owner: dict, language: str, values: dict) -> None:
    """Save a language version; when the original changes, translations made from it become outdated."""
    with transaction.atomic():
        existing = model.objects.select_for_update().filter(language=language, **owner).first()
        others = model.objects.filter(**owner).exclude(language=language)
        if existing is None:
            state = TranslationState.TRANSLATED if others.exists() else TranslationState.ORIGINAL
            model.objects.create(language=language, state=state, **owner, **values)
            return
        if all(getattr(existing, key) == value for key, value in values.items()):
            return  # saved unchanged: nothing written
        for key, value in values.items():
            setattr(existing, key, value)
        if existing.state == TranslationState.OUTDATED:
            existing.state = TranslationState.TRANSLATED
        existing.save()
        if existing.state == TranslationState.ORIGINAL:
            others.filter(state=TranslationState.TRANSLATED).update(state=TranslationState.OUTDATED)


@login_required
def mailing_new(request, slug):
    network = _network(request, slug, "mailing.compose")
    form = MailingForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            mailing = Mailing.objects.create(
                network=network,
                created_by=request.user,
                segments=data["segments"],
                visibility=data["visibility"],
                with_meetings=data["with_meetings"],
            )
            mailing.news.set(data["news"])
            MailingVersion.objects.create(
                mailing=mailing, language=data["language"], subject=data["subject"], intro=data["intro"]
            )
            url = mailing_url(mailing)
            once.done(request, form, url)
        messages.success(request, _("The info mail was saved as a draft."))
        return redirect(url)
    return render(request, "mailings/mailing_form.html", {"network": network, "form": form})


def mailing_url(mailing) -> str:
    from django.urls import reverse

    return reverse("mailings:mailing", kwargs={"slug": mailing.network.slug, "pk": mailing.pk})


@login_required
def mailing_detail(request, slug, pk):
    network = _network(request, slug, "mailing.compose")
    mailing = _mailing(network, pk)
    versions = {v.language: v for v in mailing.versions.all()}
    counts = dict(Delivery.objects.filter(mailing=mailing).values_list("state").annotate(n=Count("pk")).order_by())
    failures = Delivery.objects.filter(mailing=mailing, state=Delivery.State.FAILED).order_by("email")[:100]
    return render(
        request,
        "mailings/mailing.html",
        {
            "network": network,
            "mailing": mailing,
            "versions": [(code, languages.name(code), versions.get(code)) for code in languages.codes()],
            "preview_language": request.GET.get("preview") if request.GET.get("preview") in versions else None,
            "schedule_form": ScheduleForm(),
            "test_form": TestSendForm(initial={"language": languages.current()}),
            "counts": counts,
            "failures": failures,
            "editable": mailing.state in (Mailing.State.DRAFT, Mailing.State.SCHEDULED),
        },
    )


@login_required
def mailing_version(request, slug, pk, language):
    network = _network(request, slug, "mailing.compose")
    mailing = _mailing(network, pk)
    if language not in languages.codes() or mailing.state not in (Mailing.State.DRAFT, Mailing.State.SCHEDULED):
        raise Http404
    current = mailing.versions.filter(language=language).first()
    original = mailing.versions.filter(state=TranslationState.ORIGINAL).first()
    initial = {"subject": current.subject, "intro": current.intro} if current else {}
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        _save_version(MailingVersion, {"mailing": mailing}, language, form.cleaned_data)
        messages.success(request, _("The version was saved."))
        return redirect(mailing_url(mailing))
    return render(
        request,
        "mailings/version_form.html",
        {
            "network": network,
            "mailing": mailing,
            "form": form,
            "language_name": languages.name_in_words(language),
            "language": language,
            "original": original if original and original.language != language else None,
        },
    )


@login_required
@xframe_options_sameorigin
@csp_replace(PREVIEW_POLICY)
def mailing_preview(request, slug, pk, language):
    """The mail's HTML as a recipient of the language gets it, for a sandboxed frame on the mailing's page."""
    network = _network(request, slug, "mailing.compose")
    mailing = _mailing(network, pk)
    if language not in languages.codes():
        raise Http404
    composed = composing.compose(mailing, language)
    _text, html = composed.personal(None)
    return HttpResponse(html)


@login_required
@require_POST
def mailing_test(request, slug, pk):
    network = _network(request, slug, "mailing.compose")
    mailing = _mailing(network, pk)
    form = TestSendForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            if once.claim(request, form):  # a second click of the same form: the first one sent it
                return redirect(mailing_url(mailing))
            once.done(request, form, mailing_url(mailing))
        try:
            services.send_test(mailing, request.user, form.cleaned_data["language"])
        except MAIL_FAILED:
            messages.error(request, _("The test mail could not be sent. Please try again later."))
        else:
            messages.success(request, _("A test mail was sent to %(email)s.") % {"email": request.user.email})
    return redirect(mailing_url(mailing))


@login_required
@require_POST
def mailing_schedule(request, slug, pk):
    network = _network(request, slug, "mailing.compose")
    mailing = _mailing(network, pk)
    if request.POST.get("action") == "unschedule":
        services.unschedule(mailing)
        messages.success(request, _("The info mail will not be sent; it is a draft again."))
        return redirect(mailing_url(mailing))
    if not mailing.versions.exists():
        raise Http404
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["when"][0])
    elif form.cleaned_data["when"]:
        services.schedule(mailing, form.cleaned_data["when"])
        when = timezone.localtime(form.cleaned_data["when"])
        from django.utils.formats import date_format

        messages.success(
            request, _("The info mail will be sent on %(when)s.") % {"when": date_format(when, "DATETIME_FORMAT")}
        )
    else:
        count = services.start(mailing)
        messages.success(request, _("The info mail is being sent to %(count)s addresses.") % {"count": count})
    return redirect(mailing_url(mailing))


def archive(request, slug):
    network = _network(request, slug)
    return render(request, "mailings/archive.html", {"network": network, "archive": _archive(request, network)})


def archived(request, slug, pk):
    """A sent mail on the web, in the reader's language (or its original, with a note)."""
    network = _network(request, slug)
    mailing = _mailing(network, pk)
    permissions.require(request.user, "mailing.read", mailing, hide=True)
    data = composing.context(mailing, languages.current())
    return render(request, "mailings/archived.html", data)


def preferences(request, token):
    """Reached from every mail without signing in: confirm, choose mails and language, unsubscribe."""
    subscriber = Subscriber.from_token(token)
    if subscriber is None:
        raise Http404
    form = PreferencesForm(instance=subscriber)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            services.confirm(subscriber)
            messages.success(request, _("Thank you: your subscription is confirmed."))
        elif action == "resubscribe":
            services.confirm(subscriber)
            messages.success(request, _("You receive the mails again."))
        else:
            form = PreferencesForm(request.POST, instance=subscriber)
            if form.is_valid():
                if form.has_changed() or subscriber.paused:
                    # Its owner is reading: the address works again.
                    choices = form.save(commit=False)
                    choices.paused, choices.failures = False, 0
                    choices.save()
                messages.success(request, _("Your choices were saved."))
            else:
                return render(request, "mailings/preferences.html", {"subscriber": subscriber, "form": form})
        return redirect("mailings:preferences", token=token)
    return render(
        request,
        "mailings/preferences.html",
        {"subscriber": subscriber, "form": form, "network": subscriber.network, "token": token},
    )


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" without a page, cookie or token
def unsubscribe(request, token):
    subscriber = Subscriber.from_token(token)
    if subscriber is None:
        raise Http404
    if request.method == "POST":
        services.unsubscribe(subscriber)
        subscriber.refresh_from_db()
    return render(
        request, "mailings/unsubscribe.html", {"subscriber": subscriber, "network": subscriber.network, "token": token}
    )
