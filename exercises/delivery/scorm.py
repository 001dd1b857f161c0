"""``python -m exercises package``: the course as one SCORM package (1.2 or 2004 4th edition).

The whole built site is one SCO. Its launch page (``scorm-start.html``) finds
the LMS's API, keeps the one LMS session for the whole visit and shows the
course in a frame; pages reach the LMS only through the progress module, which
hands its state to the launch page (``assets/kurs-lms.js``). The manifest lists
every file of the site and references the official schema files, which travel
in the zip (``exercises/delivery/schemas.py``).
"""

import html
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from exercises import PROJECT_DIR
from exercises.delivery.archive import site_files
from exercises.delivery.schemas import schema_files

LAUNCH_PAGE = "scorm-start.html"
FORMATS = ("scorm12", "scorm2004")
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# Namespace and schema file of each prefix, per version (as the ADL sample manifests name them).
NAMESPACES = {
    "scorm12": {
        "": ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
        "adlcp": ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        "imsmd": ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
    },
    "scorm2004": {
        "": ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
        "adlcp": ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        "adlseq": ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        "adlnav": ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        "imsss": ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    },
}
# IEEE LOM has no schema in the package; 2004 manifests may carry it unvalidated ("lax").
LOM = "http://ltsc.ieee.org/xsd/LOM"
XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class Course:
    """What the manifest says about the course."""

    identifier: str
    title: str
    language: str
    mastery_percent: int


def qualified(scorm_format: str, prefix: str, name: str) -> str:
    return f"{{{NAMESPACES[scorm_format][prefix][0]}}}{name}"


def manifest(scorm_format: str, course: Course, files: list[str]) -> bytes:
    """``imsmanifest.xml`` for the site whose ``files`` are given (launch page among them)."""
    spaces = NAMESPACES[scorm_format]
    for prefix, (uri, _) in spaces.items():
        ET.register_namespace(prefix, uri)
    ET.register_namespace("xsi", XSI)

    def tag(name: str, prefix: str = "") -> str:
        return qualified(scorm_format, prefix, name)

    root = ET.Element(tag("manifest"), {"identifier": course.identifier, "version": "1.0"})
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{uri} {xsd}" for uri, xsd in spaces.values()))
    metadata = ET.SubElement(root, tag("metadata"))
    ET.SubElement(metadata, tag("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, tag("schemaversion")).text = (
        "1.2" if scorm_format == "scorm12" else "2004 4th Edition")
    metadata.append(language_metadata(scorm_format, course))

    organizations = ET.SubElement(root, tag("organizations"), {"default": "kurs"})
    organization = ET.SubElement(organizations, tag("organization"), {"identifier": "kurs"})
    ET.SubElement(organization, tag("title")).text = course.title
    item = ET.SubElement(organization, tag("item"),
                         {"identifier": "kurs-sco", "identifierref": "kurs-dateien"})
    ET.SubElement(item, tag("title")).text = course.title
    if scorm_format == "scorm12":
        ET.SubElement(item, tag("masteryscore", "adlcp")).text = str(course.mastery_percent)
    else:
        item.append(sequencing_2004(course))

    resources = ET.SubElement(root, tag("resources"))
    scorm_type = "scormtype" if scorm_format == "scorm12" else "scormType"
    resource = ET.SubElement(resources, tag("resource"), {
        "identifier": "kurs-dateien", "type": "webcontent", tag(scorm_type, "adlcp"): "sco",
        "href": LAUNCH_PAGE})
    for href in files:
        ET.SubElement(resource, tag("file"), {"href": href})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def language_metadata(scorm_format: str, course: Course) -> ET.Element:
    """Title and language as LOM metadata (IMS MD 1.2.1 in SCORM 1.2, IEEE LOM in 2004)."""
    if scorm_format == "scorm12":
        md = NAMESPACES["scorm12"]["imsmd"][0]
        lom = ET.Element(f"{{{md}}}lom")
        general = ET.SubElement(lom, f"{{{md}}}general")
        title = ET.SubElement(general, f"{{{md}}}title")
        langstring = ET.SubElement(title, f"{{{md}}}langstring", {f"{{{XML_NS}}}lang": course.language})
        langstring.text = course.title
        ET.SubElement(general, f"{{{md}}}language").text = course.language
        return lom
    ET.register_namespace("lom", LOM)
    lom = ET.Element(f"{{{LOM}}}lom")
    general = ET.SubElement(lom, f"{{{LOM}}}general")
    title = ET.SubElement(general, f"{{{LOM}}}title")
    ET.SubElement(title, f"{{{LOM}}}string", {"language": course.language}).text = course.title
    ET.SubElement(general, f"{{{LOM}}}language").text = course.language
    return lom


def sequencing_2004(course: Course) -> ET.Element:
    """The exam's pass mark as the SCO's mastery: the LMS hands it on as cmi.scaled_passing_score."""
    ss = NAMESPACES["scorm2004"]["imsss"][0]
    sequencing = ET.Element(f"{{{ss}}}sequencing")
    objectives = ET.SubElement(sequencing, f"{{{ss}}}objectives")
    primary = ET.SubElement(objectives, f"{{{ss}}}primaryObjective",
                            {"objectiveID": "abschlusstest", "satisfiedByMeasure": "true"})
    ET.SubElement(primary, f"{{{ss}}}minNormalizedMeasure").text = f"{course.mastery_percent / 100:.2f}"
    ET.SubElement(sequencing, f"{{{ss}}}deliveryControls",
                  {"completionSetByContent": "true", "objectiveSetByContent": "true"})
    return sequencing


def chapter_quizzes(site: Path) -> list[str]:
    """The chapters whose quiz counts for completion: the built pages that hold one."""
    return sorted(page.stem for page in (site / "book").glob("*.html")
                  if 'data-kurs-quiz="kapitel"' in page.read_text(encoding="utf-8"))


def launch_page(scorm_format: str, course: Course, start_page: str, chapters: list[str]) -> str:
    """The SCO's entry point: it stays for the whole visit while the course runs in its frame."""
    version = "1.2" if scorm_format == "scorm12" else "2004"
    title = html.escape(course.title)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(course.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
<style>
  html, body {{ margin: 0; height: 100%; }}
  iframe {{ border: 0; display: block; width: 100%; height: 100%; }}
</style>
<script src="_static/kurs-lms.js" defer></script>
</head>
<body data-scorm="{version}" data-start="{html.escape(start_page)}"
      data-chapters="{html.escape(",".join(chapters))}">
<iframe id="kurs-rahmen" title="{title}"></iframe>
<noscript><p><a href="{html.escape(start_page)}">Zum Kurs</a></p></noscript>
</body>
</html>
"""


def write_package(site: Path, scorm_format: str, course: Course, out: Path) -> Path:
    """Zip ``site`` with launch page, manifest and schema files into ``out``."""
    start_page = "book/intro.html" if (site / "book" / "intro.html").is_file() else "index.html"
    (site / LAUNCH_PAGE).write_text(launch_page(scorm_format, course, start_page, chapter_quizzes(site)),
                                      encoding="utf-8")
    files = site_files(site)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest(scorm_format, course, files))
        for schema in schema_files(scorm_format):
            archive.write(schema, schema.name)
        for href in files:
            archive.write(site / href, href)
    return out


def default_package_path(scorm_format: str) -> Path:
    return PROJECT_DIR / "_build" / f"kam-kurs-{scorm_format}.zip"
