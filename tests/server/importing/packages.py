"""Small course packages built by the tests, one per format and quirk (nothing downloaded)."""
# ruff: noqa: E501  (package fixtures: XML documents are clearer on one line)

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def png(colour: tuple[int, int, int] = (200, 80, 40), size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def write(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def markdown_course(root: Path, *, intro_extra: str = "", drop_second: bool = False) -> Path:
    files: dict[str, bytes | str] = {
        "course.toml": 'id = "test/md"\ntitle = "Markdown Test Course"\ndescription = "A small course."\n'
        'difficulty = "intermediate"\nlanguage = "de"\n',
        "images/diagram.png": png(),
        "01-basics/lesson.toml": 'title = "The basics"\n',
        "01-basics/01-intro.md": "# Introduction\n\nSee ![a diagram](../images/diagram.png) and the "
        "[next page](02-more.md). <script>alert(1)</script><b onclick='x()'>bold</b> zanzibarite\n"
        + intro_extra,
        "01-basics/03-handout.pdf": PDF,
        "02-practice/01-video.md": '+++\ntype = "video"\nurl = "https://www.youtube.com/embed/dQw4w9WgXcQ"\n'
        'captions = [{language = "en", label = "English", file = "../images/subs.vtt"}]\n+++\nWatch it.\n',
        "images/subs.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
        "02-practice/02-docs.md": '+++\ntype = "link"\nurl = "https://example.org/docs"\n+++\nThe docs.\n',
        "02-practice/03-quiz.md": '+++\ntype = "quiz"\nmax_attempts = 2\n+++\nShort quiz.\n\n'
        "## Pick B {#pick}\n- [ ] A\n- [x] B\nfeedback: B it is.\n\n"
        "## Capital of France?\nanswer: ci:Paris\npoints: 2\n\n## Pi?\nnumber: 3.14 +- 1%\n\n## Explain.\n",
    }
    if not drop_second:
        files["01-basics/02-more.md"] = "More text here.\n"
    return write(root, files)


def zip_folder(folder: Path, target: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


CC11 = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CC13 = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"


def manifest(
    ns: str, ident: str, title: str, items: str, resources: str, description: str = "", root: str = "root"
) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}" xmlns="{ns}" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest">
  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion>
    <lomimscc:lom><lomimscc:general>
      <lomimscc:title><lomimscc:string>{title}</lomimscc:string></lomimscc:title>
      <lomimscc:description><lomimscc:string>{description}</lomimscc:string></lomimscc:description>
      <lomimscc:language>fr</lomimscc:language>
    </lomimscc:general></lomimscc:lom></metadata>
  <organizations><organization identifier="org" structure="rooted-hierarchy">
    <item identifier="{root}">{items}</item>
  </organization></organizations>
  <resources>{resources}</resources>
</manifest>"""


def qti_item(ident: str, profile: str, prompt: str, body: str, processing: str, extra_meta: str = "") -> str:
    return f"""<item ident="{ident}" title="{ident}">
  <itemmetadata><qtimetadata>
    <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>{profile}</fieldentry></qtimetadatafield>
    {extra_meta}
  </qtimetadata></itemmetadata>
  <presentation><material><mattext texttype="text/html">{prompt}</mattext></material>{body}</presentation>
  <resprocessing><outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>
  {processing}</resprocessing>
  <itemfeedback ident="correct_fb"><flow_mat><material><mattext texttype="text/html">&lt;p&gt;Well done&lt;/p&gt;</mattext></material></flow_mat></itemfeedback>
  <itemfeedback ident="general_incorrect_fb"><flow_mat><material><mattext texttype="text/plain">Not quite</mattext></material></flow_mat></itemfeedback>
</item>"""


def choices(ident: str, labels: dict[str, str], cardinality: str = "Single") -> str:
    inner = "".join(
        f'<response_label ident="{k}"><material><mattext texttype="text/plain">{v}</mattext></material></response_label>'
        for k, v in labels.items()
    )
    return f'<response_lid ident="{ident}" rcardinality="{cardinality}"><render_choice>{inner}</render_choice></response_lid>'


def score(condition: str, feedback: str = "correct_fb") -> str:
    return (
        f'<respcondition continue="No"><conditionvar>{condition}</conditionvar>'
        f'<setvar action="Set" varname="SCORE">100</setvar><displayfeedback feedbacktype="Response" linkrefid="{feedback}"/></respcondition>'
        '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="general_incorrect_fb"/></respcondition>'
    )


def assessment(ident: str, title: str, items: str, attempts: str = "2") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
<assessment ident="{ident}" title="{title}"><qtimetadata>
 <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>cc.exam.v0p1</fieldentry></qtimetadatafield>
 <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>{attempts}</fieldentry></qtimetadatafield>
</qtimetadata><section ident="root_section">{items}</section></assessment></questestinterop>"""


def all_question_items() -> str:
    return "".join(
        [
            qti_item("mc1", "cc.multiple_choice.v0p1", "&lt;p&gt;Pick &lt;b&gt;B&lt;/b&gt;&lt;/p&gt;",
                     choices("r1", {"A1": "Alpha", "B1": "Beta"}), score('<varequal respident="r1">B1</varequal>')),
            qti_item("tf1", "cc.true_false.v0p1", "Sky is blue?", choices("r1", {"T": "True", "F": "False"}),
                     score('<varequal respident="r1">T</varequal>')),
            qti_item("mr1", "cc.multiple_response.v0p1", "Pick A and C",
                     choices("r1", {"A": "a", "B": "b", "C": "c"}, "Multiple"),
                     score('<and><varequal respident="r1">A</varequal><not><varequal respident="r1">B</varequal></not>'
                           '<varequal respident="r1">C</varequal></and>')),
            qti_item("fib1", "cc.fib.v0p1", "Capital of France", '<response_str ident="r1"><render_fib/></response_str>',
                     score('<varequal respident="r1" case="Yes">Paris</varequal><varsubstring respident="r1">paris</varsubstring>')),
            qti_item("pm1", "cc.pattern_match.v0p1", "Say hi", '<response_str ident="r1"><render_fib/></response_str>',
                     score('<varequal respident="r1">hello</varequal>')),
            qti_item("es1", "cc.essay.v0p1", "Discuss.", '<response_str ident="r1"><render_fib/></response_str>', ""),
        ]
    )  # fmt: skip


def moodle_cc11(root: Path) -> Path:
    """Moodle-style CC 1.1: plain webcontent folders, relative links, a header item, a quiz, a link."""
    items = """
      <item identifier="m1"><title>Week 1</title>
        <item identifier="h1"><title>Reading</title></item>
        <item identifier="i1" identifierref="res_page1"><title>Page one</title></item>
        <item identifier="i2" identifierref="res_pdf"><title>Slides</title></item>
      </item>
      <item identifier="m2"><title>Week 2</title>
        <item identifier="i3" identifierref="res_quiz"><title>Quiz one</title></item>
        <item identifier="i4" identifierref="res_link"><title>Docs</title></item>
        <item identifier="i5" identifierref="res_forum"><title>Forum</title></item>
        <item identifier="i6" identifierref="res_page2"><title>Page two</title></item>
      </item>"""
    resources = """
      <resource identifier="res_page1" type="webcontent" href="resource1/page.html">
        <file href="resource1/page.html"/><file href="resource1/pic.png"/></resource>
      <resource identifier="res_page2" type="webcontent" href="resource2/index.html"><file href="resource2/index.html"/></resource>
      <resource identifier="res_pdf" type="webcontent" href="files/slides.pdf"><file href="files/slides.pdf"/></resource>
      <resource identifier="res_quiz" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment">
        <file href="quiz1/assessment.xml"/></resource>
      <resource identifier="res_link" type="imswl_xmlv1p1"><file href="link1.xml"/></resource>
      <resource identifier="res_forum" type="imsdt_xmlv1p1"><file href="forum1.xml"/></resource>"""
    files: dict[str, bytes | str] = {
        "imsmanifest.xml": manifest(
            CC11, "moodle-course-42", "Moodle Course", items, resources, "From Moodle"
        ),
        "resource1/page.html": '<html><body><p>See <img src="pic.png"> and <a href="../resource2/index.html">'
        "page two</a>. quetzalcoatlus</p></body></html>",
        "resource1/pic.png": png(),
        "resource2/index.html": "<p>Second page</p>",
        "files/slides.pdf": PDF,
        "quiz1/assessment.xml": assessment("quiz1", "Quiz one", all_question_items()),
        "link1.xml": '<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"><title>Docs</title>'
        '<url href="https://example.org/docs" target="_blank"/></webLink>',
        "forum1.xml": '<topic xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1"><title>Forum</title>'
        '<text texttype="text/html">&lt;p&gt;Introduce yourself&lt;/p&gt;</text></topic>',
    }
    return zip_folder(write(root / "src", files), root / "moodle.imscc")


def canvas_item(ident: str, qtype: str, prompt: str, body: str, processing: str, points: str = "2") -> str:
    meta = (
        f"<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>{qtype}</fieldentry></qtimetadatafield>"
        f"<qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>{points}</fieldentry></qtimetadatafield>"
    )
    return f"""<item ident="{ident}" title="Question"><itemmetadata><qtimetadata>{meta}</qtimetadata></itemmetadata>
  <presentation><material><mattext texttype="text/html">{prompt}</mattext></material>{body}</presentation>
  <resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
  {processing}</resprocessing></item>"""


def canvas(root: Path, *, page_text: str = "Welcome to the course.") -> Path:
    """A Canvas export: LearningModules, wiki pages, web_resources, $...$ links, settings, unplaced items."""
    items = """
        <item identifier="mod1"><title>Module 1</title>
          <item identifier="it1" identifierref="page_welcome"><title>Welcome</title></item>
          <item identifier="it2" identifierref="lti1"><title>Publisher tool</title></item>
          <item identifier="it3" identifierref="quiz_a"><title>First quiz</title></item>
        </item>
        <item identifier="mod2"><title>Hidden module</title>
          <item identifier="it4" identifierref="page_other"><title>Other</title></item>
        </item>"""
    resources = """
      <resource identifier="page_welcome" type="webcontent" href="wiki_content/welcome.html"><file href="wiki_content/welcome.html"/></resource>
      <resource identifier="page_other" type="webcontent" href="wiki_content/other-page.html"><file href="wiki_content/other-page.html"/></resource>
      <resource identifier="page_loose" type="webcontent" href="wiki_content/loose-page.html"><file href="wiki_content/loose-page.html"/></resource>
      <resource identifier="page_draft" type="webcontent" href="wiki_content/draft.html"><file href="wiki_content/draft.html"/></resource>
      <resource identifier="img1" type="webcontent" href="web_resources/Uploaded Media/chart one.png"><file href="web_resources/Uploaded Media/chart one.png"/></resource>
      <resource identifier="settings" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="course_settings/canvas_export.txt">
        <file href="course_settings/course_settings.xml"/><file href="course_settings/module_meta.xml"/></resource>
      <resource identifier="quiz_a" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment"><file href="quiz_a/assessment_qti.xml"/>
        <dependency identifierref="quiz_a_meta"/></resource>
      <resource identifier="quiz_a_meta" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="quiz_a/assessment_meta.xml">
        <file href="quiz_a/assessment_meta.xml"/><file href="non_cc_assessments/quiz_a.xml.qti"/></resource>
      <resource identifier="quiz_b" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment"><file href="quiz_b/assessment_qti.xml"/></resource>
      <resource identifier="lti1" type="imsbasiclti_xmlv1p0"><file href="lti1.xml"/></resource>"""
    canvas_items = "".join(
        [
            canvas_item("cmc", "multiple_choice_question", "&lt;p&gt;Two plus two?&lt;/p&gt;",
                        choices("response1", {"101": "3", "102": "4"}),
                        '<respcondition continue="No"><conditionvar><varequal respident="response1">102</varequal></conditionvar>'
                        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>', points="4"),
            canvas_item("csa", "short_answer_question", "Colour of grass?", '<response_str ident="response1" rcardinality="Single"><render_fib/></response_str>',
                        '<respcondition continue="No"><conditionvar><varequal respident="response1">green</varequal></conditionvar>'
                        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'),
            canvas_item("cnum", "numerical_question", "Pi to two places?", '<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"/></response_str>',
                        '<respcondition continue="No"><conditionvar><or><varequal respident="response1">3.14</varequal>'
                        '<and><vargte respident="response1">3.13</vargte><varlte respident="response1">3.15</varlte></and></or></conditionvar>'
                        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'),
            canvas_item("cmatch", "matching_question", "Match them", '<response_lid ident="response_1"><render_choice>'
                        '<response_label ident="1"><material><mattext>x</mattext></material></response_label></render_choice></response_lid>', ""),
            canvas_item("ctext", "text_only_question", "Read this first", "", ""),
        ]
    )  # fmt: skip
    files: dict[str, bytes | str] = {
        "imsmanifest.xml": manifest(
            CC11, "g0123canvas", "ignored LOM title", items, resources, root="LearningModules"
        ),
        "course_settings/course_settings.xml": '<course identifier="g0123canvas" xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
        "<title>Canvas Course</title><course_code>CC-101</course_code></course>",
        "course_settings/module_meta.xml": '<modules xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
        '<module identifier="mod1"><title>Module 1</title><workflow_state>active</workflow_state></module>'
        '<module identifier="mod2"><title>Hidden module</title><workflow_state>unpublished</workflow_state></module></modules>',
        "course_settings/syllabus.html": "<html><body><p>The syllabus says hello.</p></body></html>",
        "course_settings/canvas_export.txt": "Q: what did the fish say...",
        "wiki_content/welcome.html": '<html><head><title>Welcome</title><meta name="identifier" content="page_welcome"/>'
        '<meta name="workflow_state" content="active"/></head><body>'
        f"<p>{page_text}</p>"
        '<p><img src="%24IMS-CC-FILEBASE%24/Uploaded%20Media/chart%20one.png?canvas_download=1&amp;canvas_qs_wrap=1" alt="chart"></p>'
        '<p><a href="$WIKI_REFERENCE$/pages/loose-page">loose page</a> and '
        '<a href="$CANVAS_OBJECT_REFERENCE$/quizzes/quiz_b">the practice quiz</a></p>'
        '<iframe src="https://www.youtube.com/embed/abcdefghijk" title="Intro video"></iframe>'
        "<script>steal()</script></body></html>",
        "wiki_content/other-page.html": "<html><body><p>In a hidden module</p></body></html>",
        "wiki_content/loose-page.html": "<html><head><title>Loose page</title></head><body><p>Outside every module.</p></body></html>",
        "wiki_content/draft.html": '<html><head><title>Draft</title><meta name="workflow_state" content="unpublished"/></head>'
        "<body><p>Not yet</p></body></html>",
        "web_resources/Uploaded Media/chart one.png": png((10, 120, 200)),
        "quiz_a/assessment_qti.xml": assessment("quiz_a", "First quiz", canvas_items),
        "quiz_a/assessment_meta.xml": '<quiz identifier="quiz_a" xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
        "<title>First quiz</title><description>&lt;p&gt;Try it&lt;/p&gt;</description>"
        "<allowed_attempts>-1</allowed_attempts><available>true</available></quiz>",
        "non_cc_assessments/quiz_a.xml.qti": assessment("quiz_a", "First quiz", canvas_items),
        "quiz_b/assessment_qti.xml": assessment("quiz_b", "Practice quiz", all_question_items(), "unlimited"),
        "lti1.xml": '<cartridge_basiclti_link xmlns="http://www.imsglobal.org/xsd/imslticc_v1p0" '
        'xmlns:blti="http://www.imsglobal.org/xsd/imsbasiclti_v1p0"><blti:title>Publisher tool</blti:title>'
        "<blti:description>Homework from the publisher</blti:description>"
        "<blti:launch_url>https://tool.example.com/launch</blti:launch_url>"
        "<blti:vendor><lticp:name xmlns:lticp='http://www.imsglobal.org/xsd/imslticp_v1p0'>Publisher</lticp:name></blti:vendor>"
        "</cartridge_basiclti_link>",
    }
    return zip_folder(write(root / "src", files), root / "canvas.imscc")


def cc13(root: Path) -> Path:
    """CC 1.3 namespaces and resource types (assignment, 1p3 web link), no organization root item."""
    items = """<item identifier="a1" identifierref="res_asg"><title>Essay task</title></item>
      <item identifier="a2" identifierref="res_wl"><title>Reference</title></item>"""
    resources = """<resource identifier="res_asg" type="assignment_xmlv1p0"><file href="asg/assignment.xml"/></resource>
      <resource identifier="res_wl" type="imswl_xmlv1p3"><file href="wl.xml"/></resource>
      <resource identifier="res_odd" type="x-vendor/whatever"><file href="odd.bin"/></resource>"""
    text = manifest(CC13, "cc13-course", "CC 1.3 course", items, resources, "Version 1.3")
    text = text.replace('<item identifier="root">', "").replace(
        "</item>\n  </organization>", "</organization>"
    )
    files: dict[str, bytes | str] = {
        "imsmanifest.xml": text,
        "asg/assignment.xml": '<assignment xmlns="http://www.imsglobal.org/xsd/imscc_extensions/assignment" identifier="x">'
        '<title>Essay task</title><text texttype="text/html">&lt;p&gt;Write 500 words&lt;/p&gt;</text></assignment>',
        "wl.xml": '<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"><title>Ref</title><url href="https://example.org/ref"/></webLink>',
        "odd.bin": b"\x00\x01",
    }
    return zip_folder(write(root / "src", files), root / "cc13.imscc")


def thin_cc(root: Path) -> Path:
    """Thin CC: only links and LTI tools, no files to host."""
    items = """<item identifier="t1"><title>Unit</title>
        <item identifier="t2" identifierref="wl"><title>Article</title></item>
        <item identifier="t3" identifierref="tool"><title>Lab</title></item></item>"""
    resources = """<resource identifier="wl" type="imswl_xmlv1p1"><file href="wl.xml"/></resource>
      <resource identifier="tool" type="imsbasiclti_xmlv1p0"><file href="tool.xml"/></resource>"""
    files: dict[str, bytes | str] = {
        "imsmanifest.xml": manifest(CC11, "thin-1", "Thin course", items, resources),
        "wl.xml": '<webLink><title>Article</title><url href="https://example.org/article"/></webLink>',
        "tool.xml": "<cartridge_basiclti_link><title>Lab</title><secure_launch_url>https://lab.example.com/</secure_launch_url></cartridge_basiclti_link>",
    }
    return zip_folder(write(root / "src", files), root / "thin.imscc")


PROBLEM = """<problem display_name="Checks" max_attempts="3" weight="6">
  <p>Answer these.</p>
  <multiplechoiceresponse><label>Which is a fruit?</label>
    <choicegroup type="MultipleChoice">
      <choice correct="false" name="carrot">Carrot</choice>
      <choice correct="true" name="apple">Apple<choicehint>Yes, apples are fruit.</choicehint></choice>
    </choicegroup></multiplechoiceresponse>
  <choiceresponse><label>Pick the primes</label><checkboxgroup>
    <choice correct="true">2</choice><choice correct="false">4</choice><choice correct="true">5</choice>
  </checkboxgroup></choiceresponse>
  <optionresponse><label>Sky colour</label><optioninput options="('red','blue')" correct="blue"/></optionresponse>
  <stringresponse answer="Paris" type="ci"><label>Capital of France</label><additional_answer answer="Paree"/>
    <textline size="20"/></stringresponse>
  <numericalresponse answer="9.81"><label>g in m/s2</label><responseparam type="tolerance" default="5%"/>
    <formulaequationinput/></numericalresponse>
  <customresponse cfn="check"><label>Write code</label><textline/></customresponse>
  <solution><p>Explained here.</p></solution>
</problem>"""


def olx_course(root: Path, *, html_text: str = "Welcome to physics") -> Path:
    """An OLX course folder: url_name pointers and inline definitions, /static links with spaces."""
    files: dict[str, bytes | str] = {
        "course.xml": '<course url_name="2026" org="TestX" course="PHY101"/>',
        "course/2026.xml": '<course display_name="Physics OLX" language="en" course_image="cover pic.png">'
        '<chapter url_name="ch1"/>'
        '<chapter display_name="Inline chapter" url_name="ch2"><sequential display_name="Seq B" url_name="seqb">'
        '<vertical display_name="Unit B" url_name="vb">'
        '<html url_name="inline_html" display_name="Inline page"><p>Inline <a href="/jump_to_id/vid1">to video</a></p></html>'
        '<lti_consumer url_name="lti1" display_name="Lab" launch_url="https://lab.example.com/launch"/>'
        '<openassessment url_name="ora1" display_name="Peer review"/>'
        '<html url_name="secret" display_name="Staff notes" visible_to_staff_only="true"><p>hidden</p></html>'
        "</vertical></sequential></chapter></course>",
        "chapter/ch1.xml": '<chapter display_name="Chapter one"><sequential url_name="seqa"/></chapter>',
        "sequential/seqa.xml": '<sequential display_name="Seq A"><vertical url_name="va"/></sequential>',
        "vertical/va.xml": '<vertical display_name="Unit A"><html url_name="intro"/><video url_name="vid1"/>'
        '<problem url_name="prob1"/><discussion url_name="disc1" display_name="Talk" discussion_target="Say hello"/>'
        "</vertical>",
        "html/intro.xml": '<html filename="intro" display_name="Introduction"/>',
        "html/intro.html": f'<p>{html_text} <img src="/static/my%20pic.png"> <img src="/static/my pic.png"></p>'
        '<p><a href="/static/notes.pdf">notes</a> <a href="/jump_to_id/prob1">the checks</a></p>',
        "video/vid1.xml": '<video display_name="Lecture" youtube_id_1_0="abcdefghijk" '
        'html5_sources="[&quot;/static/clip.mp4&quot;]"><transcript language="en" src="clip.srt"/></video>',
        "problem/prob1.xml": PROBLEM,
        "static/my pic.png": png((1, 2, 3)),
        "static/cover pic.png": png((9, 9, 9), (120, 80)),
        "static/notes.pdf": PDF,
        "static/clip.mp4": b"\x00\x00\x00\x18ftypmp42fake video bytes",
        "static/clip.srt": "1\n00:00:00,000 --> 00:00:01,000\nHi\n",
        "about/short_description.html": "<p>Forces and motion.</p>",
    }
    return write(root, files)


def tar_gz(folder: Path, target: Path, arcroot: str = "course") -> Path:
    import tarfile

    with tarfile.open(target, "w:gz") as archive:
        archive.add(folder, arcname=arcroot)
    return target
