from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ttdn.core.models import TimeStampedModel


class Document(TimeStampedModel):
    """A document of the registry, identified by (issuer, year or Party term, number).

    A document that some registered document cites but that is not itself in the registry is
    kept as a node "known by reference", so the citation graph is complete; when its file is
    ingested later it becomes a registered document and the existing citations stay linked.
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Có trong hệ thống")
        REFERENCED = "referenced", _("Chỉ biết qua trích dẫn")

    class Kind(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("Văn bản hành chính")
        NEWS = "news", _("Tin bài")
        UNKNOWN = "unknown", _("Chưa xác định")

    status = models.CharField(max_length=16, choices=Status, default=Status.REGISTERED)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.UNKNOWN)
    doc_type = models.CharField(_("loại văn bản"), max_length=64, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=128, blank=True)
    key = models.CharField(max_length=128, blank=True, db_index=True)
    issued_at = models.DateField(_("ngày ban hành"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    party_term = models.CharField(max_length=16, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    issuer_fold = models.CharField(max_length=255, blank=True, db_index=True)
    #: The unit that bore the issuer's name on the date of issue, when the tree knows it.
    issuer_unit = models.ForeignKey(
        "orgs.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    place = models.CharField(max_length=128, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    signer_name = models.CharField(max_length=128, blank=True)
    signer_title = models.CharField(max_length=255, blank=True)
    recipients = models.JSONField(default=list, blank=True)
    recipient_units = models.ManyToManyField("orgs.OrgUnit", blank=True, related_name="+")
    #: (key | year or Party term | folded issuer); "hash:<sha256>" for documents with no number.
    identity = models.CharField(max_length=512, unique=True)
    current_version = models.ForeignKey(
        "DocumentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Folded (diacritic-free, đ→d, lower-case) words of the metadata and text, for search.
    search_text = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def __str__(self) -> str:
        label = " ".join(part for part in (self.doc_type, self.number) if part)
        return label or self.title[:80] or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def is_registered(self) -> bool:
        return self.status == self.Status.REGISTERED


def version_upload_to(instance: DocumentVersion, filename: str) -> str:
    return f"documents/{instance.content_hash[:2]}/{instance.content_hash}/{filename}"


class DocumentVersion(TimeStampedModel):
    """One stored file of a document; a changed file with the same identity is a new version."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(default=1)
    file = models.FileField(upload_to=version_upload_to, max_length=400)
    original_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=8)
    size = models.PositiveBigIntegerField()
    content_hash = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    warnings = models.JSONField(default=list, blank=True)
    #: The parser's output contract for this file, kept as parsed.
    parsed = models.JSONField(default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Citation(models.Model):
    """A reference, in a document's current text, to another numbered document."""

    citing = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")
    cited = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="cited_by")
    raw_text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    key = models.CharField(max_length=128, db_index=True)
    doc_type = models.CharField(max_length=64, blank=True)
    number = models.CharField(max_length=128, blank=True)
    issued_at = models.DateField(null=True, blank=True)
    issuer = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["citing", "start"]

    def __str__(self) -> str:
        return self.raw_text
