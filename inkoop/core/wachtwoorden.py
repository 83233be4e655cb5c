"""Password validation with Dutch messages.

Django 5.2 reworded the minimum-length message and its Dutch translation has not caught up, so
the check would speak English in a Dutch interface. This subclass says the same in Dutch.
"""

from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimumLengte(MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Het moet minstens {self.min_length} tekens bevatten."

    def get_help_text(self):
        return f"Uw wachtwoord moet minstens {self.min_length} tekens lang zijn."
