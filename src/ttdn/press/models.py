"""Press monitoring: outlets and their feeds, the articles they publish, what the province does.

Only outlets and their published articles are recorded; authors are not (no profiling of people).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ttdn.core.models import BilingualName, TimeStampedModel


class Collection(models.Model):
    """A group of sources ("Báo chí Trung ương", "Báo chí nước ngoài")."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nhóm nguồn tin")
        verbose_name_plural = _("nhóm nguồn tin")

    def __str__(self) -> str:
        return self.name


class Source(TimeStampedModel):
    """An outlet (newspaper, portal, foreign medium) and where its new articles are listed."""

    class Kind(models.TextChoices):
        CENTRAL = "central", _("Báo chí Trung ương")
        PROVINCIAL = "provincial", _("Báo chí địa phương")
        FOREIGN = "foreign", _("Báo chí nước ngoài")
        GOVERNMENT = "government", _("Cổng thông tin chính quyền")
        OTHER = "other", _("Khác")

    class Health(models.TextChoices):
        OK = "ok", _("Hoạt động tốt")
        NEVER = "never", _("Chưa lấy tin")
        QUIET = "quiet", _("Không có tin mới")
        FAILING = "failing", _("Lỗi liên tiếp")
        INACTIVE = "inactive", _("Tạm dừng")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên cơ quan báo chí"), max_length=255)
    homepage = models.URLField(_("trang chủ"), blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind, default=Kind.CENTRAL)
    language = models.CharField(_("ngôn ngữ chính"), max_length=8, blank=True)
    country = models.CharField(_("quốc gia"), max_length=2, default="VN")
    collections = models.ManyToManyField(
        Collection, blank=True, related_name="sources", verbose_name=_("nhóm")
    )
    feed_urls = models.JSONField(_("địa chỉ RSS/Atom"), default=list, blank=True)
    sitemap_urls = models.JSONField(_("địa chỉ sitemap"), default=list, blank=True)
    poll_minutes = models.PositiveIntegerField(_("chu kỳ lấy tin (phút)"), default=60)
    timeout_seconds = models.PositiveIntegerField(_("thời gian chờ (giây)"), default=20)
    alert_after_failures = models.PositiveIntegerField(_("cảnh báo sau số lần lỗi"), default=3)
    quiet_days = models.PositiveIntegerField(_("cảnh báo khi không có tin sau (ngày)"), default=3)
    active = models.BooleanField(_("đang theo dõi"), default=True)
    # Health, kept by the poller.
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_article_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nguồn tin")
        verbose_name_plural = _("nguồn tin")

    def __str__(self) -> str:
        return self.name

    def health(self, now: dt.datetime | None = None) -> str:
        now = now or timezone.now()
        if not self.active:
            return self.Health.INACTIVE
        if self.consecutive_failures >= self.alert_after_failures:
            return self.Health.FAILING
        if self.last_success_at is None:
            return self.Health.NEVER
        latest = self.last_article_at or self.created_at
        if latest is not None and now - latest > dt.timedelta(days=self.quiet_days):
            return self.Health.QUIET
        return self.Health.OK

    def get_health_display(self) -> str:
        return str(self.Health(self.health()).label)


class PollAttempt(models.Model):
    """One visit of a source's feeds: what came back, or why it failed."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="attempts")
    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField()
    ok = models.BooleanField()
    new_articles = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'error'}"


class Topic(BilingualName, models.Model):
    """A subject of the taxonomy and the keywords (one per line) that reveal it."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name_vi = models.CharField(_("tên (tiếng Việt)"), max_length=255)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=255)
    keywords_vi = models.TextField(_("từ khóa tiếng Việt (mỗi dòng một từ)"), blank=True)
    keywords_en = models.TextField(_("từ khóa tiếng Anh (mỗi dòng một từ)"), blank=True)
    position = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")

    def __str__(self) -> str:
        return self.name_vi

    @property
    def keywords(self) -> list[str]:
        lines = f"{self.keywords_vi}\n{self.keywords_en}".splitlines()
        return [line.strip() for line in lines if line.strip()]


class Tone(models.TextChoices):
    POSITIVE = "positive", _("Tích cực")
    NEUTRAL = "neutral", _("Trung lập")
    NEGATIVE = "negative", _("Tiêu cực")


class Article(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(_("địa chỉ"), max_length=1000)
    #: ``analysis.normalise_url(url)``: one article per key.
    url_key = models.CharField(max_length=1000, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    published_at = models.DateTimeField(_("thời gian đăng"), null=True, blank=True, db_index=True)
    seen_at = models.DateTimeField(_("thời gian thu thập"), default=timezone.now, db_index=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, blank=True, db_index=True)
    text = models.TextField(_("nội dung"), blank=True)
    #: Title and text folded (``analysis.search_text_of``), searched with LIKE / trigram index.
    search_text = models.TextField(blank=True)
    fingerprint = models.BigIntegerField(default=0)
    band0 = models.PositiveIntegerField(default=0, db_index=True)
    band1 = models.PositiveIntegerField(default=0, db_index=True)
    band2 = models.PositiveIntegerField(default=0, db_index=True)
    band3 = models.PositiveIntegerField(default=0, db_index=True)
    #: Set on a syndicated copy: the first article seen with the same text.
    original = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    mentions_province = models.BooleanField(default=False, db_index=True)
    tone_suggested = models.CharField(max_length=8, choices=Tone, default=Tone.NEUTRAL)
    tone_score = models.FloatField(default=0.0)
    #: {"positive": [[word, count], …], "negative": [...]}: why the tone was suggested.
    tone_why = models.JSONField(default=dict, blank=True)
    tone_confirmed = models.CharField(max_length=8, choices=Tone, blank=True)
    tone_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tone_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("tin, bài")
        verbose_name_plural = _("tin, bài")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("press:article_detail", args=[self.pk])

    @property
    def tone(self) -> str:
        return self.tone_confirmed or self.tone_suggested

    def get_tone_display(self) -> str:
        return str(Tone(self.tone).label)


class ArticleMention(models.Model):
    """A unit or place of the province named in an article, with the sentence that names it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=255)
    sentence = models.TextField()

    class Meta:
        ordering = ["article", "id"]

    def __str__(self) -> str:
        return self.term


class ArticleTopic(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_topics")
    score = models.PositiveIntegerField(default=0)
    #: [[keyword, count], …]: why the topic was given.
    matched = models.JSONField(default=list)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="unique_article_topic")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id}:{self.score}"


class Flag(models.Model):
    """An officer's mark on an article: wrong, unclear, or worth amplifying."""

    class Reason(models.TextChoices):
        INACCURATE = "inaccurate", _("Thông tin sai sự thật")
        CLARIFICATION = "clarification", _("Cần làm rõ, cung cấp thêm thông tin")
        AMPLIFY = "amplify", _("Tích cực, cần lan tỏa")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("lý do"), max_length=16, choices=Reason)
    note = models.TextField(_("ghi chú"), blank=True)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.get_reason_display()


class Response(TimeStampedModel):
    """What the province does about an article, as a small state machine.

    open → in_progress → sent → closed (with an outcome); open or in progress → closed with the
    outcome "no longer needed". ``sent_at`` is when the letter, information or statement went
    out: it places the response in a reporting period.
    """

    class Kind(models.TextChoices):
        INFORMATION = "information", _("Cung cấp thông tin cho báo chí")
        CORRECTION = "correction", _("Đề nghị cải chính")
        STATEMENT = "statement", _("Thông cáo của người phát ngôn")
        REBUTTAL = "rebuttal", _("Bài viết phản bác, làm rõ")

    class Status(models.TextChoices):
        OPEN = "open", _("Mới mở")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        SENT = "sent", _("Đã gửi")
        CLOSED = "closed", _("Đã kết thúc")

    class Outcome(models.TextChoices):
        CORRECTED = "corrected", _("Đã cải chính, đính chính")
        NOT_CORRECTED = "not_corrected", _("Không cải chính")
        NO_LONGER_NEEDED = "no_longer_needed", _("Không còn cần thiết")
        DONE = "done", _("Đã hoàn thành")

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="responses")
    flag = models.ForeignKey(Flag, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(_("hình thức"), max_length=16, choices=Kind)
    owner = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        related_name="press_responses",
        verbose_name=_("đơn vị chủ trì"),
    )
    deadline = models.DateField(_("hạn xử lý"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default=Status.OPEN)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome, blank=True)
    note = models.TextField(_("nội dung, ghi chú"), blank=True)
    recipient = models.CharField(_("nơi nhận (cơ quan báo chí)"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True, db_index=True)
    # The activity this response logged in the owner unit's reporting log when it was sent:
    # that is how it reaches the unit's figures ("corrections_requested", "information_provided").
    activity = models.OneToOneField(
        "reporting.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_response",
        verbose_name=_("hoạt động đã ghi"),
    )
    closed_at = models.DateTimeField(_("ngày kết thúc"), null=True, blank=True)
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="press_responses"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("phản hồi báo chí")
        verbose_name_plural = _("phản hồi báo chí")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.article.title}"[:255]

    def get_absolute_url(self) -> str:
        return reverse("press:response_detail", args=[self.pk])

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status in {self.Status.OPEN, self.Status.IN_PROGRESS} and self.deadline < today


class SavedSearch(TimeStampedModel):
    """A person's boolean search; with ``alert`` on, new matching articles are e-mailed."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="press_searches"
    )
    name = models.CharField(_("tên"), max_length=255)
    query = models.CharField(_("câu tìm kiếm"), max_length=1000)
    alert = models.BooleanField(_("gửi thư khi có tin mới"), default=True)
    #: Articles up to this id have been checked for the alert.
    checked_up_to = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
