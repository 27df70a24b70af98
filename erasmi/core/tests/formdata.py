"""What a browser sends back for a form it was shown, for tests of saving forms unchanged."""

from django import forms


def as_browser_sends(form) -> dict:
    """The POST data of the rendered form, unchanged: the widgets' rendered values, textareas with CRLF."""
    data = {}
    for bound in form:
        widget, value, name = bound.field.widget, bound.value(), bound.html_name
        if isinstance(widget, forms.FileInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            if widget.check_test(value):
                data[name] = "on"
        elif isinstance(widget, forms.SelectMultiple | forms.CheckboxSelectMultiple):
            data[name] = [str(v) for v in value or []]
        elif isinstance(widget, forms.Select):
            data[name] = (widget.format_value(value) or [""])[0]
        else:
            rendered = widget.format_value(value)
            rendered = "" if rendered is None else str(rendered)
            data[name] = rendered.replace("\n", "\r\n") if isinstance(widget, forms.Textarea) else rendered
    return data
