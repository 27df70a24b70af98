from django.contrib import admin

from erasmi.mailings.models import Delivery, MailEditor, Mailing, MailingVersion, NewsItem, NewsVersion, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "language", "state", "paused", "failures"]
    list_filter = ["network", "state", "paused", "language"]
    search_fields = ["email"]
    raw_id_fields = ["person"]


class NewsVersionInline(admin.StackedInline):
    model = NewsVersion
    extra = 0


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "created"]
    list_filter = ["network"]
    inlines = [NewsVersionInline]


class MailingVersionInline(admin.StackedInline):
    model = MailingVersion
    extra = 0


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "kind", "state", "scheduled_for", "sent"]
    list_filter = ["network", "kind", "state"]
    inlines = [MailingVersionInline]
    filter_horizontal = ["news"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "mailing", "state", "sent_at", "error"]
    list_filter = ["state"]
    search_fields = ["email"]
    readonly_fields = [
        "mailing",
        "subscriber",
        "email",
        "language",
        "state",
        "claim",
        "claimed_at",
        "sent_at",
        "error",
        "message_id",
    ]


@admin.register(MailEditor)
class MailEditorAdmin(admin.ModelAdmin):
    """The members a coordinator allowed to write news and compose mails for their network."""

    list_display = ["person", "network"]
    raw_id_fields = ["person"]
