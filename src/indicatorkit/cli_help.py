"""The command line's help and shell completion (命令行帮助与补全): an example in every verb's
``--help``, and completion scripts for bash, zsh and PowerShell made from the parser itself
(``indicatorkit completion bash|zsh|powershell``), so a new verb or option is completed
without anyone editing a script.

>>> from indicatorkit.cli.parser import build_parser
>>> parser = build_parser()
>>> "示例 examples:" in _verbs(parser)["score"].format_help()
True
>>> script = completion_script("bash", parser)
>>> "complete -o default -F _indicatorkit indicatorkit" in script, "--rescale" in script
(True, True)
>>> completion_script("fish", parser)
Traceback (most recent call last):
  ...
ValueError: 不支持的 shell：fish (unsupported shell; choose bash, zsh or powershell)
"""

from __future__ import annotations

import argparse
import shlex
from typing import Final, TypeVar

from indicatorkit.scoring.rules import RULE_SETS

__all__ = ["EXAMPLES", "SHELLS", "add_examples", "completion_script"]

#: The shells :func:`completion_script` writes for.
SHELLS: Final = ("bash", "zsh", "powershell")

#: Examples for each verb's ``--help`` (commands a user can copy; ``#`` starts a comment).
EXAMPLES: Final[dict[str, tuple[str, ...]]] = {
    "": (
        "indicatorkit lint 目标表.ikspec                  # 提交前审核 / lint before submitting",
        "indicatorkit score 自评.ikspec 实际值.csv         # 打分 / score",
        "indicatorkit score --help                        # 每个命令的帮助 / help on one verb",
    ),
    "parse": (
        'indicatorkit parse "≥95%" "不少于两百件"',
        'indicatorkit parse ",=100" --lenient --format json',
    ),
    "check": (
        "indicatorkit check examples/seed_actuals.tsv",
        "indicatorkit check 自评.ikspec 实际值.csv --format csv -o 核对.csv",
    ),
    "lint": (
        "indicatorkit lint 目标表.ikspec",
        "indicatorkit lint -q 单位甲.xlsx 单位乙.xlsx --format json -o 审核.json",
    ),
    "score": (
        "indicatorkit score examples/yutian_justice_2025_selfassessment.ikspec",
        "indicatorkit score 目标表.ikspec 实际值.csv --rules hubei --format csv -o 得分.csv",
    ),
    "monitor": ("indicatorkit monitor 目标表.ikspec 执行.csv --at 2025-06-30",),
    "audit": (
        "indicatorkit audit 公开的自评表/                  # 一个文件夹 / a folder",
        "indicatorkit audit 自评表.xlsx --rules hubei --format csv -o 审核.csv",
    ),
    "report": (
        "indicatorkit report 自评.ikspec 实际值.csv -o 报告.html",
        "indicatorkit report 自评.ikspec -o 报告.html --pdf 报告.pdf",
    ),
    "import": (
        "indicatorkit import 单位甲.xlsx 单位乙.docx -o 汇总.ikspec",
        "indicatorkit import 报来的表 --format json      # 一个文件夹 / a folder",
    ),
    "export": (
        "indicatorkit export 目标表.ikspec -o 目标表.xlsx",
        "indicatorkit export 自评.ikspec 实际值.csv --scored 自评表.xlsx",
        "indicatorkit export 目标表.ikspec --template 填报.xlsx",
    ),
    "fmt": ("indicatorkit fmt --check 目标表.ikspec", "indicatorkit fmt 目标表.ikspec"),
    "completion": (
        "indicatorkit completion bash > ~/.local/share/bash-completion/completions/indicatorkit",
        "indicatorkit completion zsh > ~/.zfunc/_indicatorkit",
        "indicatorkit completion powershell >> $PROFILE",
    ),
}


def _verbs(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser's verbs by name, in order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _epilog(commands: tuple[str, ...]) -> str:
    return "示例 examples:\n" + "\n".join(f"  {command}" for command in commands)


_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def add_examples(parser: _Parser) -> _Parser:
    """Put each verb's examples (:data:`EXAMPLES`) under its ``--help``, lines kept as written.

    >>> parser = argparse.ArgumentParser(prog="indicatorkit")
    >>> verbs = parser.add_subparsers(dest="command")
    >>> fmt = verbs.add_parser("fmt")
    >>> add_examples(parser) is parser, fmt.format_help().splitlines()[-2:]
    (True, ['  indicatorkit fmt --check 目标表.ikspec', '  indicatorkit fmt 目标表.ikspec'])
    """
    parser.epilog = _epilog(EXAMPLES[""])
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    for name, verb in _verbs(parser).items():
        verb.epilog = _epilog(EXAMPLES[name])
        verb.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [option for action in parser._actions for option in action.option_strings]


def _choices(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """The values an option takes, where they are a known list."""
    found: dict[str, list[str]] = {}
    for action in parser._actions:
        values = list(action.choices) if action.choices and action.option_strings else None
        if action.dest == "rules":
            values = list(RULE_SETS)
        if values:
            for option in action.option_strings:
                found[option] = [str(value) for value in values]
    return found


def _positional_choices(parser: argparse.ArgumentParser) -> list[str]:
    return [
        str(value)
        for action in parser._actions
        if not action.option_strings and action.choices and action.dest != "command"
        for value in action.choices
    ]


def _bash(parser: argparse.ArgumentParser) -> str:
    verbs = _verbs(parser)
    verb_cases = [
        f"        {name}) words={shlex.quote(' '.join([*_options(verb), *_positional_choices(verb)]))} ;;"
        for name, verb in verbs.items()
    ]
    value_cases = [
        f"        {name}:{option}) words={shlex.quote(' '.join(values))}; "
        'COMPREPLY=($(compgen -W "$words" -- "$cur")); return ;;'
        for name, verb in verbs.items()
        for option, values in _choices(verb).items()
    ]
    top = " ".join([*verbs, *_options(parser)])
    return f"""# indicatorkit 的 bash 补全 / bash completion (indicatorkit completion bash)
_indicatorkit() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local verbs={shlex.quote(" ".join(verbs))} verb="" word words
    for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case " $verbs " in *" $word "*) verb="$word"; break ;; esac
    done
    if [ -z "$verb" ]; then
        COMPREPLY=($(compgen -W {shlex.quote(top)} -- "$cur"))
        return
    fi
    case "$verb:$prev" in
{chr(10).join(value_cases)}
    esac
    case "$verb" in
{chr(10).join(verb_cases)}
    esac
    if [[ "$cur" == -* || "$verb" == completion ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o default -F _indicatorkit indicatorkit
"""


def _zsh(parser: argparse.ArgumentParser) -> str:
    # zsh runs the bash function through its bash-completion layer (bashcompinit)
    return (
        "#compdef indicatorkit\n"
        "# indicatorkit 的 zsh 补全 / zsh completion (indicatorkit completion zsh)\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + _bash(parser)
    )


def _powershell_list(values: list[str]) -> str:
    return "@(" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + ")"


def _powershell(parser: argparse.ArgumentParser) -> str:
    verbs = _verbs(parser)
    options = "\n".join(
        f"        '{name}' = {_powershell_list([*_options(verb), *_positional_choices(verb)])}"
        for name, verb in verbs.items()
    )
    values = "\n".join(
        f"        '{name} {option}' = {_powershell_list(choices)}"
        for name, verb in verbs.items()
        for option, choices in _choices(verb).items()
    )
    top = _powershell_list([*verbs, *_options(parser)])
    return f"""# indicatorkit 的 PowerShell 补全 / PowerShell completion (indicatorkit completion powershell)
Register-ArgumentCompleter -Native -CommandName indicatorkit -ScriptBlock {{
    param($wordToComplete, $commandAst, $cursorPosition)
    $options = @{{
{options}
    }}
    $values = @{{
{values}
    }}
    $words = @($commandAst.CommandElements | ForEach-Object {{ $_.ToString() }})
    if ($wordToComplete -ne '') {{ $words = $words[0..($words.Count - 2)] }}
    $verb = $words | Where-Object {{ $options.ContainsKey($_) }} | Select-Object -First 1
    if (-not $verb) {{
        $candidates = {top}
    }} elseif ($values.ContainsKey("$verb $($words[-1])")) {{
        $candidates = $values["$verb $($words[-1])"]
    }} elseif ($wordToComplete.StartsWith('-') -or $verb -eq 'completion') {{
        $candidates = $options[$verb]
    }} else {{
        return
    }}
    $candidates | Where-Object {{ $_ -like "$wordToComplete*" }} | ForEach-Object {{
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }}
}}
"""


def completion_script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script of ``parser``'s command for ``shell`` (:data:`SHELLS`).

    >>> parser = argparse.ArgumentParser(prog="indicatorkit")
    >>> parser.add_subparsers(dest="command").add_parser("lint").add_argument("--quiet")
    _StoreAction(...)
    >>> print(completion_script("powershell", parser).splitlines()[4])
            'lint' = @('-h', '--help', '--quiet')
    """
    writers = {"bash": _bash, "zsh": _zsh, "powershell": _powershell}
    if shell not in writers:
        raise ValueError(
            f"不支持的 shell：{shell} (unsupported shell; choose {', '.join(SHELLS[:-1])} "
            f"or {SHELLS[-1]})"
        )
    return writers[shell](parser)
