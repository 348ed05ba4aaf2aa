"""Which pages to measure: every app's `<app>/bench.py` `bench_pages()`, plus the reference page.

An app that is still being built must not break the run: a bench module that fails to import, a
bench_pages() that raises, or a path that is not a local path becomes a note in the table instead.
"""

import importlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps

REFERENCE_APP = "home"


@dataclass
class Target:
    app: str
    label: str
    path: str
    reference: bool = False
    user: str = ""  # the demo account that requests it; "" is the plain employee


@dataclass
class Skipped:
    app: str
    label: str
    path: str
    note: str


def is_local_path(path):
    """Only paths on the server under test: no scheme, no host, so traffic stays on 127.0.0.1."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        return False
    if "\\" in path or any(char.isspace() for char in path):
        return False
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc


def _describe(exc):
    text = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {text[0][:160]}" if text else exc.__class__.__name__


def _bench_module(app_name, import_module):
    module_name = f"{app_name}.bench"
    try:
        return import_module(module_name), None
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None, None
        return None, f"bench module failed to import ({_describe(exc)})"
    except Exception as exc:  # an app under construction may not import at all
        return None, f"bench module failed to import ({_describe(exc)})"


def _app_pages(app_name, module):
    """(targets, skipped) from one app's bench_pages()."""
    provider = getattr(module, "bench_pages", None)
    if not callable(provider):
        return [], [Skipped(app_name, "", "", "bench module has no bench_pages()")]
    try:
        pages = list(provider())
    except Exception as exc:  # the app's data or views may not exist yet
        return [], [Skipped(app_name, "", "", f"bench_pages() raised {_describe(exc)}")]
    targets, skipped = [], []
    for entry in pages:
        # (label, path) or (label, path, username) for pages only another demo account may open.
        try:
            label, path, *user = entry
            user = str(user[0]) if user else ""
            if len(entry) > 3:
                raise ValueError
        except (TypeError, ValueError):
            skipped.append(Skipped(app_name, str(entry)[:60], "", "not a (label, path) pair"))
            continue
        if is_local_path(path):
            targets.append(Target(app_name, str(label), path, user=user))
        else:
            skipped.append(Skipped(app_name, str(label), str(path)[:80], "not a local path"))
    return targets, skipped


def reference_target(import_module=importlib.import_module):
    """The minimal Wagtail page every other page is compared with, or a Skipped saying why not."""
    try:
        label, path = import_module(f"{REFERENCE_APP}.bench").minimal_page()
    except Exception as exc:
        return Skipped(REFERENCE_APP, "minimal page", "", f"no reference page ({_describe(exc)})")
    if not is_local_path(path):
        return Skipped(REFERENCE_APP, str(label), str(path)[:80], "reference is not a local path")
    return Target(REFERENCE_APP, str(label), path, reference=True)


def discover(app_names=None, import_module=importlib.import_module):
    """All pages to measure, the reference first, each path once; and the notes for what was skipped."""
    if app_names is None:
        app_names = [config.name for config in apps.get_app_configs()]
    targets, skipped = [], []
    reference = reference_target(import_module)
    if isinstance(reference, Target):
        targets.append(reference)
    else:
        skipped.append(reference)
    for app_name in app_names:
        module, problem = _bench_module(app_name, import_module)
        if problem:
            skipped.append(Skipped(app_name, "", "", problem))
        if module is None:
            continue
        found, notes = _app_pages(app_name, module)
        skipped.extend(notes)
        seen = {target.path for target in targets}
        for target in found:
            if target.path not in seen:
                targets.append(target)
                seen.add(target.path)
    return targets, skipped
