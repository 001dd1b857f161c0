"""The glossary and the sources page, rendered from the YAML data.

Each chapter owns its glossary file (``glossar-<kapitel>.yml``); this
directive merges them into one alphabetical Sphinx glossary, so ``{term}``
links and Sphinx's own reference checks (``-n``) work as usual.
"""

from collections import defaultdict
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from exercises.chapters import chapters
from exercises.sphinx.references import citation, course_data, source_anchor

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def german_sort_key(text: str) -> str:
    return text.casefold().translate(UMLAUTS)


class DataDirective(SphinxDirective):
    def course_data(self):
        return course_data(self.env)


class CourseGlossary(DataDirective):
    def run(self):
        items = []
        for term_text, entry in sorted(self.course_data().glossary.items(),
                                       key=lambda item: german_sort_key(item[0])):
            term = make_glossary_term(self.env, [nodes.Text(term_text)], None,
                                      self.env.docname, self.lineno, None, self.state.document)
            paragraph = nodes.paragraph(text=entry.definition)
            if entry.quelle:
                source = self.course_data().sources[entry.quelle]
                paragraph += [nodes.Text(" "), citation(entry.quelle, source.kurz)]
            items.append(nodes.definition_list_item("", term, nodes.definition("", paragraph)))
        glossary = addnodes.glossary(sorted=False)  # already in German order
        glossary += nodes.definition_list("", *items, classes=["glossary"])
        return [glossary]


class SourceList(DataDirective):
    """Sources grouped by topic; each entry is a link target for {quelle}."""

    def run(self):
        by_topic = defaultdict(list)
        for source_id, source in self.course_data().sources.items():
            by_topic[source.thema].append((source_id, source))
        result = []
        for topic, entries in by_topic.items():
            result.append(nodes.rubric(text=topic))
            listing = nodes.bullet_list(classes=["kurs-quellen"])
            for source_id, source in sorted(entries, key=lambda e: german_sort_key(e[1].kurz)):
                anchor = source_anchor(source_id)
                target = nodes.target("", "", ids=[anchor], names=[anchor])
                self.state.document.note_explicit_target(target)
                year = source.jahr if isinstance(source.jahr, int) else f"Jahr {source.jahr}"
                paragraph = nodes.paragraph()
                paragraph += nodes.strong(text=source.kurz)
                paragraph += nodes.Text(f": {source.angabe} ({year})")
                result_item = nodes.list_item("", target, paragraph)
                listing += result_item
            result.append(listing)
        return result


class LearningPath(SphinxDirective):
    """The chapters in course order with their minutes, and the total time."""

    def run(self):
        steps = nodes.enumerated_list(classes=["kurs-lernpfad"])
        total = 0
        for chapter in chapters(Path(self.env.srcdir) / "_toc.yml"):
            self.env.note_dependency(str(chapter.path))
            docname = self.env.path2doc(str(chapter.path))
            link = addnodes.pending_xref("", refdomain="std", reftype="doc",
                                         reftarget="/" + docname, refexplicit=True, refwarn=True)
            link += nodes.inline(text=chapter.title)
            paragraph = nodes.paragraph("", "", link,
                                        nodes.Text(f" – etwa {chapter.minutes} Minuten"))
            steps += nodes.list_item("", paragraph)
            total += chapter.minutes
        hours, minutes = divmod(total, 60)
        summary = nodes.paragraph(text=f"Zusammen sind das etwa {hours} Stunden und "
                                       f"{minutes} Minuten reine Lernzeit.")
        return [steps, summary]


def setup(app: Sphinx) -> None:
    app.add_directive("lernpfad", LearningPath)
    app.add_directive("kursglossar", CourseGlossary)
    app.add_directive("quellenverzeichnis", SourceList)
