"""The JSON the ``/v1`` routes accept. Strict types: a number where text belongs is a 422, not
a number turned into text; an unknown field is a 422 too, so a misspelt option is not ignored."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class CheckDocument(_Strict):
    text: StrictStr
    path: StrictStr = Field("-", description="A name for the document, echoed in the report.")
    source_text: StrictStr | None = Field(None, description="The source this document translates (source-mismatch).")


class CheckRequest(_Strict):
    """One ``text``, or several ``documents``; the answer is ``auditor check --format json``'s."""

    text: StrictStr | None = None
    documents: list[CheckDocument] | None = None
    language: StrictStr = Field("auto", description="auto, en, es, fr or pt.")
    select: list[StrictStr] = Field(default_factory=list, description="Run only these rules.")
    ignore: list[StrictStr] = Field(default_factory=list, description="Skip these rules.")
    markup: Literal["markdown", "html"] | None = Field(
        None, description="What the text is written in; markup-aware checking checks its prose only.")


class FixRequest(_Strict):
    text: StrictStr
    language: StrictStr = "auto"
    rules: list[StrictStr] = Field(default_factory=list, description="Apply only these rules' fixes.")


class BacktranslateRequest(_Strict):
    """Segments (sentences or short paragraphs) to round-trip through the pivot language."""

    segments: list[StrictStr]
    language: StrictStr = "auto"


class NamesRequest(_Strict):
    names: list[StrictStr]
