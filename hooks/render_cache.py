"""Each page's rendering, kept in `.cache/render/` and reused while its inputs stay the same.

Converting Markdown, then filling Material's templates, is most of a build, and a
`mkdocs serve` rebuild after a change of `data/plateformes.yaml` changes a few pages only:
the others are read back instead of being rendered again. Two steps are kept:

- the Markdown conversion (`Page.render`): the HTML, table of contents, title, anchors and
  links to other pages' anchors it leaves on the page, and the messages it logged (a broken
  link), logged again when the result is reused;
- the page's template (`main.html`): its HTML, before `on_post_page`. Plugins' events all
  still run (the search index is still built from every page).

Each key holds everything its step reads: for the Markdown, the page's final text (after
every `on_page_markdown`), where the page is, the list of the site's files (links are
resolved against it) and the Markdown and validation settings; for the template, every value
of the template's context (the page, the navigation with every title, the whole
configuration, the hooks' code). Both hold the tools' versions and this file's source. A
value with no stable text (a Python object it does not know) is never cached. A build
from the cache writes the same site and says the same things: tests/publication builds
with and without it and compares byte for byte. One file per page, overwritten when a
key changes: the cache does not grow with edits.

Pages missing from the cache are shared with a second process (a fork, made once the
navigation is known) on a machine with two cores or more: it converts the Markdown of the
last part of the pages and gives their search entries, while this process converts the first
part; its results reach this process through the cache and are used exactly as reused ones
(same keys), so the site written is the same.
"""
from __future__ import annotations

import datetime
import functools
import gc
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

from mkdocs.commands.build import get_context
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

TOOLS = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "jinja2")
DIRECTORY_VARIABLE = "EA_RENDER_CACHE"  # another directory (the tests' cold builds), or "off"
# Where the output goes does not change what a page says (tests build into temporary folders).
CONFIG_IGNORED = {"site_dir", "dev_addr"}

_state: dict = {}


class Unstable(TypeError):
    """A value with no stable text: what depends on it is not cached."""


# --- MkDocs events ------------------------------------------------------------------------------

def on_config(config):
    directory = _cache_directory(config)
    _state.clear()
    _state.update(
        store=None if directory is None else _Store(directory),
        counts={"markdown": [0, 0], "templates": [0, 0], "search": [0, 0]},  # [reused, computed]
    )
    return config


@event_priority(-100)  # after every other on_nav: the pages' on_page_markdown read what they keep
def on_nav(nav, config, files):
    _state["nav"] = nav
    if _state["store"] is not None:
        _WorkAside.start(files, MARKDOWN_SHARE, lambda pages: _convert_markdown_aside(pages, config, files))
    return nav


def on_pre_page(page, config, files):
    if "markdown_settings" not in _state:  # read once every hook's on_config has run
        _state["markdown_settings"] = _markdown_settings(config)
    if _state["store"] is not None and _state["markdown_settings"] is not None:
        # An instance attribute comes before the class's method: `_populate_page` calls this.
        page.render = lambda config, files: _render_markdown(page, config, files)
    return page


@event_priority(-100)  # after every other on_env: the templates use what they add (filters, globals)
def on_env(env, config, files):
    if _state["store"] is not None:
        _cache_page_templates(env)
        _cache_search_entries(config)
        _WorkAside.start(files, TEMPLATE_SHARE, lambda pages: _render_templates_aside(pages, config, files, env))
    return env


def on_post_build(config):
    _WorkAside.finish()  # still running when no page of its share was built (`--dirty`)
    if _state["store"] is None:
        return
    _state["store"].save()
    counts, steps = _state["counts"], ("markdown", "templates", "search")
    aside = [sum(1 for step_, _ in _state.get("computed_aside", ()) if step_ == step) for step in steps]
    logging.getLogger("mkdocs.hooks.render_cache").info(
        "Cache du rendu (.cache/render/), pages reprises : Markdown %d sur %d, gabarit %d sur %d, recherche %d sur %d ; "
        "rendues par un second processus : Markdown %d, gabarit %d, recherche %d.",
        *(n for step in steps for n in (counts[step][0], sum(counts[step]))), *aside,
    )


def on_build_error(error):
    _WorkAside.finish()


def _cache_directory(config) -> Path | None:
    chosen = os.environ.get(DIRECTORY_VARIABLE, "")
    if chosen == "off":
        return None
    return Path(chosen) if chosen else Path(config.config_file_path).parent / ".cache" / "render"


# --- Markdown ---------------------------------------------------------------------------------

def _markdown_settings(config) -> str | None:
    """What the conversion of every page depends on, or None when part of it has no stable text."""
    try:
        return _digest({
            "common": _common_inputs(),
            "extensions": _stable(config["markdown_extensions"]),
            "extension_configs": _stable(config["mdx_configs"] or {}),
            "use_directory_urls": config["use_directory_urls"],
            "validation": _stable(config["validation"]),
            "anchors_collected": logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG,
        })
    except Unstable:
        return None


def _render_markdown(page, config, files) -> None:
    key = _digest({
        "settings": _state["markdown_settings"],
        "files": _memo("files", files, _files_text),
        "page": [page.file.src_uri, page.file.dest_uri, page.file.url],
        "markdown": page.markdown,
    })
    result, reused = _cached("markdown", page, key, lambda: _render_and_keep(page, config, files))
    if reused:
        _restore_markdown(page, files, result)


def _render_and_keep(page, config, files) -> dict:
    with _LogCapture() as messages:
        Page.render(page, config, files)
    return _markdown_result(page, messages.records)


def _files_text(files) -> list:
    return sorted((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)


def _markdown_result(page, messages: list) -> dict:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None if links is None else {f.src_uri: dict(l) for f, l in links.items()},
        "messages": messages,
    }


def _toc_tokens(toc) -> list:
    return [{"name": i.title, "id": i.id, "level": i.level, "children": _toc_tokens(i.children)} for i in toc]


def _restore_markdown(page, files, result: dict) -> None:
    for name, level, text in result["messages"]:
        logging.getLogger(name).log(level, text)
    page.content = result["content"]
    page.toc = get_toc(result["toc"])
    page._title_from_render = result["title"]
    page.present_anchor_ids = set(result["anchors"])
    links = result["links_to_anchors"]
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(l) for src, l in links.items()}


# --- Templates --------------------------------------------------------------------------------

def _cache_page_templates(env) -> None:
    """MkDocs asks the environment for a page's template with its name alone; Jinja's own
    `extends` and `include` give the parent template too, and get the real templates."""
    get_template = env.get_template

    def get_page_template(name, parent=None, *others, **named):
        template = get_template(name, parent, *others, **named)
        return template if parent is not None else _PageTemplate(template)

    env.get_template = get_page_template


class _PageTemplate:
    """A page's template whose `render` reads the cache first; anything else is the template's."""

    def __init__(self, template) -> None:
        self.template = template

    def __getattr__(self, name):
        return getattr(self.template, name)

    def render(self, context) -> str:
        page = context.get("page")
        if page is None:  # 404.html, sitemap.xml: small, rendered every time
            return self.template.render(context)
        try:
            key = _digest({"template": self.template.name, "context": _context_text(context)})
        except Unstable:
            return self.template.render(context)
        html, _reused = _cached("templates", page, key, lambda: self.template.render(context))
        return html


def _context_text(context) -> dict:
    text = {}
    for name, value in context.items():
        if name == "config":
            text[name] = _memo("config", value, _config_text)
        elif name == "nav":
            text[name] = _memo("nav", value, _nav_text)
        elif name == "pages":
            text[name] = _memo("pages", value, lambda files: [_page_summary(f.page) for f in files])
        elif name == "page":
            text[name] = _page_text(value)
        else:
            text[name] = _stable(value)
    return text


def _config_text(config) -> dict:
    return {
        "common": _common_inputs(),
        "config": {k: _stable(v) for k, v in config.items() if k not in CONFIG_IGNORED},
    }


def _nav_text(nav: Navigation) -> dict:
    return {"items": [_nav_item(i) for i in nav.items], "homepage": _page_summary(nav.homepage)}


def _nav_item(item) -> list:
    if isinstance(item, Page):
        return ["page", _page_summary(item), _stable(item.meta)]
    if isinstance(item, Section):
        return ["section", item.title, [_nav_item(c) for c in item.children]]
    if isinstance(item, Link):
        return ["link", item.title, item.url]
    raise Unstable(type(item).__name__)


def _page_summary(page) -> list | None:
    return None if page is None else [page.file.src_uri, page.url, page.title]


def _page_text(page: Page) -> dict:
    # Its place in the navigation (parents, neighbours, active items) follows from its URL
    # and the navigation, which the key holds.
    return {
        "summary": _page_summary(page),
        "file": [page.file.dest_uri, page.file.inclusion.name],
        "urls": [page.canonical_url, page.abs_url, page.edit_url],
        "meta": _stable(page.meta),
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "neighbours": [_page_summary(page.previous_page), _page_summary(page.next_page)],
        "is_homepage": page.is_homepage,
    }


# --- Search index -----------------------------------------------------------------------------

def _cache_search_entries(config) -> None:
    """Material's search plugin parses every page's HTML into the index's entries: the entries
    a page gave are kept, and added again as they were while the page is the same."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if index is None or not isinstance(getattr(index, "entries", None), list):
        return
    try:
        settings = _digest({"common": _common_inputs(), "search": _stable(plugin.config)})
    except Unstable:
        return
    add_entry_from_context = index.add_entry_from_context

    def add_entry_with_cache(page):
        try:
            key = _digest({
                "settings": settings,
                "page": [page.url, page.title, _stable(page.meta), page.content, _toc_tokens(page.toc)],
            })
        except Unstable:
            return add_entry_from_context(page)
        entries, reused = _cached("search", page, key, lambda: entries_added_by(page))
        if reused:
            index.entries.extend(entries)

    def entries_added_by(page) -> list:
        first = len(index.entries)
        add_entry_from_context(page)
        return index.entries[first:]

    index.add_entry_from_context = add_entry_with_cache


# --- Shared -----------------------------------------------------------------------------------

def _cached(step: str, page, key: str, compute):
    """(the page's result for this step, True) when the cache has it under `key`, else
    (`compute()`, False), kept under `key` for the next build."""
    _WorkAside.finish_before(page)
    store = _state["store"]
    result = store.read(page.file.src_uri, step, key)
    reused = result is not None
    if not reused:
        result = compute()
        store.write(page.file.src_uri, step, key, result)
    computed_aside = (step, page.file.src_uri) in _state.get("computed_aside", ())
    _state["counts"][step][0 if reused and not computed_aside else 1] += 1
    return result, reused


@functools.cache
def _common_inputs() -> dict:
    return {"code": Path(__file__).read_text(encoding="utf-8"), "tools": {tool: version(tool) for tool in TOOLS}}


def _memo(name: str, value, text_of) -> str:
    """The digest of `text_of(value)`, computed once per build: every page of a build shares the
    same files, configuration and navigation."""
    memo = _state.setdefault("memo", {})
    if name not in memo or memo[name][0] is not value:
        memo[name] = (value, _digest(text_of(value)))
    return memo[name][1]


def _stable(value):
    """The value as JSON-ready data with the same text from one build to the next, or `Unstable`."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Theme):  # its settings, and the templates of its custom_dir (overrides/)
        return ["theme", value.dirs, _stable(dict(value)), _folder_text(value.custom_dir)]
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return ["date", value.isoformat()]
    if isinstance(value, ModuleType):  # a hook: its code
        return ["module", Path(value.__file__).read_text(encoding="utf-8")]
    if type(value).__module__ == "babel.core" and type(value).__name__ == "Locale":
        return ["locale", str(value)]
    if isinstance(value, File):
        return ["file", value.src_uri, value.url]
    if hasattr(value, "config") and isinstance(value.config, Mapping):  # a plugin: its settings
        return ["plugin", type(value).__module__, type(value).__qualname__, _stable(value.config)]
    if type(value).__module__.startswith("mkdocs.config") and type(value).__str__ is not object.__str__:
        return ["config value", type(value).__name__, str(value)]  # ExtraScriptValue, a path
    raise Unstable(type(value).__qualname__)


def _folder_text(folder: str | None) -> dict:
    if not folder:
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _digest(value) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Store:
    """One JSON file per page: {step: {"key", "result"}}, a result read back only under its key.

    A page's file is read once, at its first step; what changed is written at the end of
    the build, one file per page (opening files is a large part of a rebuild from the cache).
    A build that stops on an error writes nothing.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._entries: dict[str, dict] = {}
        self._changed: set[tuple[str, str]] = set()  # (page, step)

    def _file(self, src_uri: str) -> Path:
        return self.directory / (hashlib.sha256(src_uri.encode("utf-8")).hexdigest() + ".json")

    def _entry(self, src_uri: str) -> dict:
        if src_uri not in self._entries:
            try:
                entry = json.loads(self._file(src_uri).read_text(encoding="utf-8"))
            except (FileNotFoundError, ValueError):  # none yet, or damaged: render again
                entry = {}
            self._entries[src_uri] = entry if isinstance(entry, dict) else {}
        return self._entries[src_uri]

    def read(self, src_uri: str, step: str, key: str):
        stored = self._entry(src_uri).get(step)
        return stored["result"] if isinstance(stored, dict) and stored.get("key") == key else None

    def write(self, src_uri: str, step: str, key: str, result) -> None:
        self._entry(src_uri)[step] = {"key": key, "result": result}
        self._changed.add((src_uri, step))

    def changes(self) -> dict[str, dict]:
        """{page: {step: entry}} of what was computed since `forget_changes`."""
        changes: dict[str, dict] = {}
        for src_uri, step in self._changed:
            changes.setdefault(src_uri, {})[step] = self._entries[src_uri][step]
        return changes

    def forget_changes(self) -> None:
        self._changed.clear()

    def take(self, entries: dict[str, dict]) -> None:
        """Another process's results, kept as if computed here."""
        for src_uri, steps in entries.items():
            for step, stored in steps.items():
                self.write(src_uri, step, stored["key"], stored["result"])

    def save(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        for src_uri in sorted({src_uri for src_uri, _step in self._changed}):
            file = self._file(src_uri)
            # Written aside then renamed: a build running at the same time never reads half a file.
            partial = file.with_name(f"{file.name}.{os.getpid()}.partial")
            partial.write_text(json.dumps(self._entries[src_uri], ensure_ascii=False), encoding="utf-8")
            partial.replace(file)
        self._changed.clear()


class _LogCapture(logging.Handler):
    """The messages logged while one page renders (MkDocs' own logger does not propagate to
    the root logger, so both are listened to)."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list = []

    def emit(self, record) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def __enter__(self):
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            logger.removeHandler(self)


# --- A second process -------------------------------------------------------------------------
# Share of the pages the second process takes, at each step: the last ones, as this process
# takes the pages in order. At the Markdown step it also makes their search entries.
MARKDOWN_SHARE = 0.45
TEMPLATE_SHARE = 0.55
MINIMUM_PAGES = 8  # below that, forking costs more than it saves


class _WorkAside:
    """A forked process that does one step for the last pages and writes what it computed
    to a file; this process waits for it before its first page of them."""

    def __init__(self, pid: int, pages: list, results: Path) -> None:
        self.pid = pid
        self.src_uris = {page.file.src_uri for page in pages}
        self.results = results

    @classmethod
    def start(cls, files, share: float, work) -> None:
        if not _can_fork():
            return
        pages = [file.page for file in _last_pages_worth(list(files.documentation_pages()), share)]
        if len(pages) < MINIMUM_PAGES:
            return
        cls.finish()
        descriptor, name = tempfile.mkstemp(prefix="ea-rendu-", suffix=".json")
        os.close(descriptor)
        sys.stdout.flush()
        sys.stderr.flush()
        gc.freeze()  # the objects both processes share are not copied when the collector visits them
        pid = os.fork()
        if pid == 0:
            _work_and_exit(work, pages, Path(name))
        gc.unfreeze()
        _state["aside"] = cls(pid, pages, Path(name))

    @staticmethod
    def finish_before(page) -> None:
        aside = _state.get("aside")
        if aside is not None and page.file.src_uri in aside.src_uris:
            _WorkAside.finish()

    @staticmethod
    def finish() -> None:
        """Wait for the process; keep what it computed (nothing if it failed: this process computes it)."""
        aside = _state.pop("aside", None)
        if aside is None:
            return
        _pid, status = os.waitpid(aside.pid, 0)
        try:
            if os.waitstatus_to_exitcode(status) == 0:
                entries = json.loads(aside.results.read_text(encoding="utf-8"))
                _state["store"].take(entries)
                computed = _state.setdefault("computed_aside", set())
                computed.update((step, src_uri) for src_uri, steps in entries.items() for step in steps)
        finally:
            aside.results.unlink(missing_ok=True)


def _can_fork() -> bool:
    # `mkdocs serve` rebuilds from a thread: forking a process with threads is unsafe.
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def _last_pages_worth(files: list, share: float) -> list:
    """The last pages whose Markdown is about `share` of all the Markdown (the length of a
    page's text is a fair guess of its cost)."""
    lengths = [_source_size(file) for file in files]
    wanted, taken = share * sum(lengths), 0
    for first in range(len(files), 0, -1):
        if taken + lengths[first - 1] > wanted:
            return files[first:]
        taken += lengths[first - 1]
    return files


def _source_size(file) -> int:
    """The size of a page's source, without reading it again (MkDocs reads it to render it)."""
    return os.path.getsize(file.abs_src_path) if file.abs_src_path else len(file.content_bytes)


def _work_and_exit(work, pages: list, results: Path) -> None:
    """In the forked process: the work, then its results written; nothing else of the build runs here."""
    code = 1
    try:
        _state["aside"] = None
        _keep_messages_for_the_results()
        _state["store"].forget_changes()  # the main process has them
        work(pages)
        results.write_text(json.dumps(_state["store"].changes(), ensure_ascii=False), encoding="utf-8")
        code = 0
    finally:
        os._exit(code)


def _convert_markdown_aside(pages: list, config, files) -> None:
    """What `_populate_page` does, up to the Markdown's conversion, then the search entries."""
    search = config.plugins.get("material/search")
    _cache_search_entries(config)
    for page in pages:
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        if getattr(search, "search_index", None) is not None:
            search.search_index.add_entry_from_context(page)


def _render_templates_aside(pages: list, config, files, env) -> None:
    """What `_build_page` does, up to the template's rendering."""
    doc_files = files.documentation_pages()
    nav = _state["nav"]
    for page in pages:
        config._current_page = page
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        template.render(context)
        page.active = False


def _keep_messages_for_the_results() -> None:
    """Messages logged while a page renders are captured with its result (and shown by the
    main process when it uses it); any other message of this process is dropped."""
    loggers = [logging.getLogger()] + [l for l in logging.Logger.manager.loggerDict.values() if isinstance(l, logging.Logger)]
    for logger in loggers:
        logger.handlers.clear()
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger("mkdocs").addHandler(logging.NullHandler())
