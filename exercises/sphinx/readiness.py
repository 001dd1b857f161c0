"""The readiness self-check and the certificate page: course data for their JS views.

Answers and names stay in the browser; the pages only carry the statements,
the competencies with their recommendations, and what counts as passed.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises.chapters import chapters
from exercises.quiz.data import CHAPTER_PASS_PERCENT
from exercises.static_html import container


class CourseDataDirective(SphinxDirective):
    def chapter_links(self) -> dict[str, dict]:
        builder = self.env.app.builder
        links = {}
        for chapter in chapters(Path(self.env.srcdir) / "_toc.yml"):
            docname = self.env.path2doc(str(chapter.path))
            href = builder.get_relative_uri(self.env.docname, docname)
            links[chapter.id] = {"titel": chapter.title, "href": href}
        return links

    def page_link(self, docname: str) -> str:
        return self.env.app.builder.get_relative_uri(self.env.docname, docname)

    def raw(self, html: str) -> list[nodes.Node]:
        return [nodes.raw("", html, format="html")]


class SelfCheckDirective(CourseDataDirective):
    def run(self):
        content = self.env.kurs_content
        check = content.selfcheck
        links = self.chapter_links()
        roleplays = self.page_link("book/rollenspiele")
        data = {
            "titel": check.titel,
            "skala": check.skala,
            "aussagen": [s.model_dump() for s in check.aussagen],
            "kompetenzen": {
                key: {
                    "name": c.name, "staerke": c.staerke, "luecke": c.luecke,
                    # chapters left out of a company edition are simply not recommended
                    "kapitel": [links[k] for k in c.kapitel if k in links],
                    "rollenspiele": [
                        {"titel": content.scenarios[r].titel, "href": f"{roleplays}#rollenspiel-{r}"}
                        for r in c.rollenspiele
                    ],
                } for key, c in check.kompetenzen.items()
            },
        }
        return self.raw(container("selbstcheck", "bereitschaft", data,
                                  "Der Selbstcheck braucht JavaScript im Browser.", "kurs-selbstcheck"))


class CertificateDirective(CourseDataDirective):
    def run(self):
        content = self.env.kurs_content
        links = self.chapter_links()
        exam = content.exam
        data = {
            "kapitel": [dict(links[k], id=k) for k in links if k in content.quizzes],
            "kapitel_bestehensgrenze": exam.kapitel_bestehensgrenze if exam else CHAPTER_PASS_PERCENT,
            "pruefung": {"href": self.page_link("book/abschlusstest"),
                         "bestehensgrenze": exam.bestehensgrenze if exam else CHAPTER_PASS_PERCENT},
            "firma": content.company.name if content.company else None,
        }
        fallback = "Die Teilnahmebestätigung braucht JavaScript im Browser."
        return self.raw(container("zertifikat", "teilnahme", data, fallback, "kurs-zertifikat"))


def setup(app: Sphinx) -> None:
    app.add_directive("selbstcheck", SelfCheckDirective)
    app.add_directive("teilnahmebestaetigung", CertificateDirective)
