"""Shapes of the API's input and output; the OpenAPI schema is generated from these.

Only the fields an organisation agreed to publish (see the consent text on the profile form) are
declared here, so nothing else can reach a response: no members, e-mail addresses, description or
consent flag.
"""

from __future__ import annotations

from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticUseDefault

from borderless.organisations.models import Country, Organisation, OrganisationKind, SizeClass

# Descriptions in this module are API documentation for developers and stay in English.


class OrganisationListQuery(Schema):
    q: str = Field("", max_length=100, description="Search in the name and the town.")
    kind: OrganisationKind | None = Field(None, description="Kind of organisation; empty: all.")
    country: Country | None = Field(None, description="Country code; empty: all.")
    nuts3: str = Field("", pattern=r"^[A-Z]{2}[A-Z0-9]{3}$", examples=["NL213"], description="NUTS 2021 level-3 code.")
    euregio: str = Field("", pattern=r"^[a-z0-9-]+$", examples=["euregio"], description="Slug of a Euregio.")
    size_class: SizeClass | None = Field(None, description="Size class by number of employees; empty: all.")
    sector: str = Field("", pattern=r"^[0-9]{2}$", examples=["28"], description="NACE Rev. 2 division (two digits).")
    in_programme_area: bool | None = Field(
        None,
        description="Inside (true) or outside (false) the Interreg Deutschland-Nederland programme area; empty: all.",
    )
    page: int = Field(1, ge=1, description="Page number, starting at 1.")
    page_size: int = Field(25, ge=1, le=100, description="Organisations per page (at most 100).")

    @field_validator("kind", "country", "size_class", "in_programme_area", mode="before")
    @classmethod
    def empty_means_absent(cls, value):
        # As in the HTML directory, where an empty select box means "all": ?kind= is no filter. Codes
        # typed by hand (nuts3, euregio, sector) and the page numbers must be given in full: an empty
        # value there is refused like any other value of the wrong form.
        if value == "":
            raise PydanticUseDefault
        return value


class CodeLabelOut(Schema):
    code: str
    label: str = Field(description="In the language of the request.")


class TownOut(Schema):
    name: str
    latitude: float
    longitude: float


class Nuts3Out(Schema):
    code: str
    name: str


class EuregioOut(Schema):
    slug: str
    name: str
    verified: bool = Field(description="False while the assignment to this Euregio has not been confirmed by staff.")


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: CodeLabelOut
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    town: TownOut | None = Field(description="Null when the organisation's place is not known.")
    nuts3: Nuts3Out | None = Field(description="Null when the organisation's place is not known.")
    in_programme_area: bool
    euregio: EuregioOut | None
    size_class: CodeLabelOut | None = Field(description="Null when the size is not known.")
    sector: CodeLabelOut | None = Field(description="NACE Rev. 2 division.")
    founded_year: int | None
    website: str | None
    working_languages: list[str] = Field(description="Language codes (de, nl, en).")

    @staticmethod
    def resolve_kind(obj: Organisation) -> dict:
        return {"code": obj.kind, "label": obj.get_kind_display()}

    @staticmethod
    def resolve_nuts3(obj: Organisation) -> dict | None:
        region = obj.nuts3
        return {"code": region.code, "name": region.name} if region is not None else None

    @staticmethod
    def resolve_euregio(obj: Organisation) -> dict | None:
        euregio = obj.euregio
        if euregio is None:
            return None
        return {"slug": euregio.slug, "name": euregio.name, "verified": obj.euregio_verified}

    @staticmethod
    def resolve_size_class(obj: Organisation) -> dict | None:
        if not obj.size_class:
            return None
        return {"code": obj.size_class, "label": obj.get_size_class_display()}

    @staticmethod
    def resolve_sector(obj: Organisation) -> dict | None:
        if obj.sector is None:
            return None
        return {"code": obj.sector.code, "label": obj.sector.label}

    @staticmethod
    def resolve_website(obj: Organisation) -> str | None:
        return obj.website or None

    @staticmethod
    def resolve_working_languages(obj: Organisation) -> list[str]:
        return obj.language_codes


class OrganisationPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[OrganisationOut]


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in the language of the request.")
    code: str = Field(
        description="Stable machine-readable code: unknown_parameter, invalid, page_not_found, not_found, …"
    )
    errors: list[FieldErrorOut] | None = Field(None, description="Per parameter, for code 'invalid' only.")


class DataSourceOut(Schema):
    name: str
    publisher: str
    licence: str
    url: str
    fields: list[str] = Field(description="The fields of the API that come from this source.")


class RootOut(Schema):
    name: str
    version: str
    links: dict[str, str]
    data_sources: list[DataSourceOut]
