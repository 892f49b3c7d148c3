"""argparse's own words ("usage:", "options", its error messages), in the person's language.

argparse asks gettext's default domain for them, which holds nothing for us and
reads only the environment, not ``--lang`` or ``config.toml``. So its two
gettext names are pointed at ours, and the words it can say to a person of this
program are listed here for Babel: they are translated in our catalogs like any
other. (Its words for a programmer's mistakes, such as conflicting options,
never reach a person and are left out.)
"""

from __future__ import annotations

import argparse

from stretchtimer.i18n import N_, _, ngettext

#: --version's help, argparse's own phrase, which it does not translate: the program gives it.
# Translators: the help of --version.
VERSION_HELP = N_("show program's version number and exit")

#: Every phrase of argparse a person of this program can read, exactly as argparse writes it.
WORDS = (
    # Translators: the start of the usage line; keep the space after the colon.
    N_("usage: "),
    # Translators: the heading over a command's positional arguments in --help.
    N_("positional arguments"),
    # Translators: the heading over a command's options in --help.
    N_("options"),
    N_("show this help message and exit"),
    VERSION_HELP,
    N_("%(prog)s: error: %(message)s\n"),
    # Translators: an option's name, then what is wrong with it.
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    # Translators: %(type)s is a Python type's name, such as int.
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def speak_through_our_catalog() -> None:
    """Have argparse look its words up in our catalog, in the language chosen for this run.

    argparse calls the module globals ``_`` and ``ngettext`` when it forms a
    word, so replacing them reaches every parser, made before or after.
    """
    vars(argparse).update(_=_, ngettext=ngettext)
