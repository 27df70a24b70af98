"""Path converters: an id in a URL is a number a database row can have (at most 18 digits), else 404."""


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
