"""Indicators, reporting rounds, unit submissions, their values, and activities.

A round asks a set of units for one period's figures and narrative; each unit answers with one
submission that moves draft → submitted → (returned → submitted)* → approved. Values are kept per
unit, never summed into batch tables: totals are computed on read (``selectors``), so a tree
change or a late correction is visible at once and history stays as reported.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ttdn.aggregation import Rule
from ttdn.core.models import BilingualName, TimeStampedModel


class Indicator(BilingualName, TimeStampedModel):
    class ValueType(models.TextChoices):
        COUNT = "count", _("Số đếm")
        DECIMAL = "decimal", _("Số thập phân")
        PERCENTAGE = "percentage", _("Tỷ lệ phần trăm")
        TEXT = "text", _("Văn bản")

    class Aggregation(models.TextChoices):
        SUM = Rule.SUM.value, _("Cộng dồn")
        LAST = Rule.LAST.value, _("Giá trị mới nhất")
        MAX = Rule.MAX.value, _("Giá trị lớn nhất")
        AVERAGE = Rule.AVERAGE.value, _("Trung bình")

    class Channel(models.TextChoices):
        # Thông tư 22/2016/TT-BTTTT, Điều 5: the 11 channels of promoting a province's image,
        # plus the kinds of work the reports also count.
        EXTERNAL_RELATIONS = "external_relations", _("Hoạt động đối ngoại của UBND tỉnh")
        WEBSITES = "websites", _("Cổng/trang thông tin điện tử")
        DATABASE = "database", _("Hệ thống dữ liệu quảng bá hình ảnh")
        PUBLICATIONS = "publications", _("Xuất bản phẩm")
        BORDER_GATES = "border_gates", _("Thông tin đối ngoại tại cửa khẩu quốc tế")
        DOMESTIC_PRESS = "domestic_press", _("Sản phẩm báo chí trong nước")
        FOREIGN_PRESS = "foreign_press", _("Sản phẩm của báo chí nước ngoài")
        INTERNET = "internet", _("Truyền thông qua internet, mạng xã hội")
        FOREIGN_PRESS_CONTACT = (
            "foreign_press_contact",
            _("Tiếp xúc, hợp tác với báo chí nước ngoài"),
        )
        EVENTS = "events", _("Truyền thông sự kiện lớn")
        OTHER = "other", _("Phương thức khác")
        TRAINING = "training", _("Tập huấn, bồi dưỡng")
        PRESS_RELATIONS = "press_relations", _("Cung cấp thông tin, họp báo, phát ngôn")

    class Disaggregation(models.TextChoices):
        NONE = "", _("Không chi tiết")
        LANGUAGE = "language", _("Theo ngôn ngữ")
        PLATFORM = "platform", _("Theo nền tảng")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name_vi = models.CharField(_("tên (tiếng Việt)"), max_length=255)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=64)
    value_type = models.CharField(max_length=16, choices=ValueType, default=ValueType.COUNT)
    aggregation = models.CharField(max_length=16, choices=Aggregation, default=Aggregation.SUM)
    channel = models.CharField(_("kênh"), max_length=32, choices=Channel)
    disaggregation = models.CharField(
        max_length=16, choices=Disaggregation, blank=True, default=Disaggregation.NONE
    )
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(default=True)
    #: Words reports use for it, one per line ("hội nghị tập huấn"): a counted noun that starts
    #: with one of them is proposed for this indicator when a report is read (issue #6).
    keywords = models.TextField(
        _("từ khóa nhận diện"),
        blank=True,
        help_text=_(
            "Mỗi dòng một cụm từ mà báo cáo dùng cho chỉ tiêu này (ví dụ “hội nghị tập huấn”); "
            "số liệu đứng trước cụm từ đó được đề xuất cho chỉ tiêu khi đọc báo cáo."
        ),
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.name_vi

    @property
    def rule(self) -> Rule:
        return Rule(self.aggregation)


#: Disaggregation options: ISO 639-1 codes of the languages provinces publish in, and platforms.
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "Tiếng Anh"),
    ("zh", "Tiếng Trung"),
    ("ja", "Tiếng Nhật"),
    ("ko", "Tiếng Hàn"),
    ("lo", "Tiếng Lào"),
    ("km", "Tiếng Khmer"),
    ("fr", "Tiếng Pháp"),
    ("ru", "Tiếng Nga"),
]
PLATFORMS = [
    ("website", "Website"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("zalo", "Zalo"),
]


class ValidationRule(models.Model):
    """A rule between two indicators of one submission ("attendances ≥ sessions")."""

    class Operator(models.TextChoices):
        GTE = ">=", "≥"
        LTE = "<=", "≤"

    left = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    operator = models.CharField(max_length=2, choices=Operator)
    right = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(_("thông báo"), max_length=255)

    def __str__(self) -> str:
        return f"{self.left.code} {self.operator} {self.right.code}"


class ReportRound(TimeStampedModel):
    """A request for one period's report from a set of units, with its deadline."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang nhận báo cáo")
        CLOSED = "closed", _("Đã đóng")

    title = models.CharField(_("tên đợt báo cáo"), max_length=255)
    province = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh")
    )
    requesting_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("văn bản yêu cầu"),
    )
    period_code = models.CharField(_("kỳ báo cáo"), max_length=32, db_index=True)
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    deadline = models.DateField(_("hạn gửi báo cáo"))
    status = models.CharField(max_length=8, choices=Status, default=Status.OPEN)
    units = models.ManyToManyField(
        "orgs.OrgUnit", related_name="report_rounds", verbose_name=_("đơn vị báo cáo")
    )
    indicators = models.ManyToManyField(Indicator, related_name="rounds")
    #: Narrative sections asked for: [{"code": "results", "title": "Kết quả …"}, …].
    sections = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-window_end", "-id"]
        verbose_name = _("đợt báo cáo")
        verbose_name_plural = _("đợt báo cáo")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reporting:round_detail", args=[self.pk])


class Submission(TimeStampedModel):
    """One unit's report for one round."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Bị trả lại")
        APPROVED = "approved", _("Đã duyệt")

    round = models.ForeignKey(ReportRound, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    #: Increases with every change; an edit based on an older version is refused (optimistic
    #: locking), so two officers never silently overwrite each other.
    version = models.PositiveIntegerField(default=1)
    narrative = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="one_submission_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:submission_detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}


class SubmissionEvent(models.Model):
    """A transition of a submission: who, when, from what to what, and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def action_label(self) -> str:
        labels = {
            "submit": _("gửi báo cáo"),
            "return": _("trả lại"),
            "approve": _("duyệt"),
            "reopen": _("mở lại"),
        }
        return str(labels.get(self.action, self.action))


class DataValue(models.Model):
    """One figure of a submission, optionally for one language or platform."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    #: "" for the indicator as a whole, else "language:en", "platform:facebook" …
    category = models.CharField(max_length=32, blank=True, default="")
    value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    #: Filled from the unit's activity log rather than typed.
    from_activities = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator", "category"],
                name="one_value_per_indicator_category",
            )
        ]
        indexes = [models.Index(fields=["indicator", "submission"])]

    def __str__(self) -> str:
        return f"{self.indicator.code}{':' + self.category if self.category else ''} = {self.value}"


class Activity(TimeStampedModel):
    """Something a unit did (a training course, a press conference, a delegation…)."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Hội nghị tập huấn")
        COURSE = "course", _("Lớp bồi dưỡng")
        PRESS_CONFERENCE = "press_conference", _("Họp báo")
        PRESS_BRIEFING = "press_briefing", _("Giao ban báo chí")
        DELEGATION_IN = "delegation_in", _("Đón đoàn phóng viên, đoàn khách nước ngoài")
        DELEGATION_OUT = "delegation_out", _("Đoàn công tác ra nước ngoài")
        EXHIBITION = "exhibition", _("Triển lãm, trưng bày")
        PUBLICATION = "publication", _("Xuất bản ấn phẩm")
        # Logged by the press app when a response is sent (ttdn.press.services.update_response).
        PRESS_INFORMATION = "press_information", _("Cung cấp thông tin cho báo chí")
        CORRECTION_REQUEST = "correction_request", _("Đề nghị cải chính thông tin")

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("loại hoạt động"), max_length=24, choices=Kind)
    title = models.CharField(_("tên hoạt động"), max_length=255)
    date = models.DateField(_("ngày"))
    participants = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)
    copies = models.PositiveIntegerField(_("số bản"), null=True, blank=True)
    languages = models.JSONField(_("ngôn ngữ"), default=list, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")

    def __str__(self) -> str:
        return self.title


class Reminder(models.Model):
    """A reminder sent to a unit about a round, kept so that a unit is reminded once a day."""

    round = models.ForeignKey(ReportRound, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "unit", "sent_on"], name="one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.sent_on}"


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    return f"submissions/{instance.submission_id}/{filename}"


class Attachment(TimeStampedModel):
    """A file a unit attaches to its report (the signed Word report, photos, a list…)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_upload_to, max_length=400)
    name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name


class ReportImport(TimeStampedModel):
    """A unit's Word/PDF report read into a submission: the figures found, awaiting a person.

    Nothing reaches the submission's values until the officer decides on each figure and applies
    them; the import keeps the text so that each figure's sentence can be shown highlighted.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        APPLIED = "applied", _("Đã điền vào báo cáo")
        DISCARDED = "discarded", _("Đã bỏ")

    class Origin(models.TextChoices):
        UNIT = "unit", _("Đơn vị tải lên")
        HISTORICAL = "historical", _("Nhập báo cáo cũ")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="imports")
    name = models.CharField(_("tệp"), max_length=255)
    content_hash = models.CharField(max_length=64)
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Status, default=Status.PENDING)
    origin = models.CharField(max_length=12, choices=Origin, default=Origin.UNIT)
    #: Narrative found under the headings that match the round's sections: {code: text}.
    narrative = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The uploaded file itself, kept with the submission (one attachment per distinct file).
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reporting:import_review", args=[self.submission_id, self.pk])


class ProposedValue(models.Model):
    """One figure found in an imported report, and what the officer decided about it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Chưa xem")
        ACCEPTED = "accepted", _("Nhận")
        CORRECTED = "corrected", _("Sửa")
        REJECTED = "rejected", _("Bỏ")

    report_import = models.ForeignKey(ReportImport, on_delete=models.CASCADE, related_name="values")
    position = models.PositiveIntegerField()
    #: None when the figure measures nothing the round asks for (kept, shown as unmapped).
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    indicator_code = models.CharField(max_length=64, blank=True)
    category = models.CharField(max_length=32, blank=True, default="")
    value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    approx = models.CharField(max_length=12, default="exact")
    per = models.CharField(max_length=12, blank=True)
    unit = models.CharField(_("đối tượng đếm"), max_length=255)
    phrase = models.CharField(max_length=500)
    org_unit = models.CharField(max_length=255, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    decision = models.CharField(max_length=12, choices=Decision, default=Decision.PENDING)
    corrected_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["report_import", "position"]

    def __str__(self) -> str:
        return self.phrase

    @property
    def final_value(self) -> Decimal | None:
        if self.decision == self.Decision.CORRECTED:
            return self.corrected_value
        if self.decision == self.Decision.ACCEPTED:
            return self.value
        return None


class PastReportBatch(TimeStampedModel):
    """A folder of past reports a coordinator uploaded, read one by one by the task worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang đọc")
        DONE = "done", _("Đã xong")

    province = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=Status, default=Status.QUEUED)
    #: Used for the files whose unit or period cannot be read from the file itself.
    default_unit = models.ForeignKey(
        "orgs.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    default_period = models.CharField(max_length=16, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.province} {self.created_at:%d/%m/%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:past_report_batch", args=[self.pk])


class PastReportFile(models.Model):
    """One file of a batch and what became of it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Chưa đọc")
        IMPORTED = "imported", _("Đã nhập")
        DUPLICATE = "duplicate", _("Trùng, đã có")
        FAILED = "failed", _("Lỗi")

    batch = models.ForeignKey(PastReportBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    #: The file's bytes until it is imported (then it lives on as the submission's attachment);
    #: a failed file keeps them so that it can be imported again with a unit or period chosen.
    data = models.BinaryField(blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome, default=Outcome.PENDING)
    error = models.TextField(blank=True)
    report_import = models.ForeignKey(
        ReportImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(
        "orgs.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    period_code = models.CharField(max_length=16, blank=True)
    figures = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["batch", "position"]

    def __str__(self) -> str:
        return self.name
