from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(label=_("alternative text"), required=False, max_length=250)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    source = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    """A video uploaded to the intranet (wagtailmedia), played in the page: nothing from outside."""

    video = VideoChooserBlock(label=_("video"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    # WCAG 1.2.2: spoken words as captions, a WebVTT file uploaded as a document.
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT file)"),
        required=False,
        help_text=_("Upload the subtitles as a .vtt file, so colleagues who cannot hear the video can read along."),
    )

    def clean(self, value):
        value = super().clean(value)
        captions = value.get("captions")
        if captions is not None and not captions.file.name.lower().endswith(".vtt"):
            raise blocks.StructBlockValidationError(
                block_errors={"captions": ValidationError(_("Choose a WebVTT file (.vtt)."))}
            )
        return value

    class Meta:
        icon = "media"
        template = "news/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "news/blocks/document.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or a web address"), required=False)

    class Meta:
        icon = "link"
        template = "news/blocks/call_to_action.html"


class ArticleBody(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    # Labels, or the admin names the blocks in English from their Python names ("Image", "Quote").
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    video = VideoBlock(label=_("video"))
    document = DocumentBlock(label=_("document"))
    call_to_action = CallToActionBlock(label=_("call to action"))
