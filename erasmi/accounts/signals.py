from django.dispatch import Signal

# Sent with `user` when a person changes their own name under "my account"; apps that keep the
# person's name elsewhere (the networks' person linked to the account) follow it.
name_changed = Signal()
