from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SleutelSchema(OpenApiAuthenticationExtension):
    target_class = "inkoop.api.authenticatie.SleutelAuthenticatie"
    name = "sleutel"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "API-sleutel van de toepassing"}
