#!/usr/bin/python3
"""Record how real HTCondor parses, prints and evaluates old-syntax ClassAd expressions.

Run inside a chroot with HTCondor's Python bindings (23.x: classad/htcondor, 25.x: classad2/htcondor2):
    CONDOR_CONFIG=ONLY_ENV python3 record.py corpus.txt my.ad target.ad > oracle-<version>.jsonl
Importing htcondor reads the configuration, which switches the ClassAd library to the old semantics
that daemons use and registers HTCondor's extra functions (stringListMember, ...).

For every corpus line E it writes one JSON object:
  expr             E
  print            the old-syntax unparse of the value of "X = E" as read by the old-ClassAd line parser
                   (what a daemon does with a wire entry), or null when HTCondor rejects the line
  reprint          the same for "X = <print>": HTCondor's text read back and printed again (it differs
                   from print where HTCondor's own output does not read back as the same expression)
  eval             the value of X evaluated in my.ad + X, with no target ad, printed in old syntax;
                   "FAIL" when the evaluation itself fails
  evalWithTarget   the same with target.ad as the target ad (matchmaking scopes)
Each evaluation runs in a forked child: "CRASH" records that HTCondor's library crashed on it (23.9.6 does
on a few self-references such as a bare PARENT).
"""
import json
import os
import sys

try:
    import htcondor2 as htcondor  # noqa: F401  (import reads the config: old semantics)
    import classad2 as classad
except ImportError:
    import htcondor  # noqa: F401
    import classad


def printed_value(result):
    holder = classad.ClassAd()
    holder["V"] = result
    text = holder.printOld()
    assert text.startswith("V = ") and text.endswith("\n"), text
    return text[len("V = "):-1]


def printed_attribute(ad):
    text = ad.printOld()
    assert text.startswith("X = ") and text.endswith("\n"), text
    return text[len("X = "):-1]


def evaluate(ad, target):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        os.write(write_end, evaluate_here(ad, target).encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    return output if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else "CRASH"


def evaluate_here(ad, target):
    try:
        if target is None:
            return printed_value(classad.ExprTree("X").simplify(ad))
        return printed_value(classad.ExprTree("X").simplify(ad, target))
    except Exception:  # the bindings raise when the evaluation itself fails
        return "FAIL"


def main(corpus_file, my_file, target_file):
    with open(my_file) as f:
        my_text = f.read()
    with open(target_file) as f:
        target = classad.parseOne(f.read(), classad.Parser.Old)
    with open(corpus_file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for expr in lines:
        parsed = classad.parseOne("X = " + expr + "\n", classad.Parser.Old)
        record = {"expr": expr, "print": None, "reprint": None, "eval": None, "evalWithTarget": None}
        if "X" in parsed:
            record["print"] = printed_attribute(parsed)
            record["reprint"] = printed_attribute(
                classad.parseOne("X = " + record["print"] + "\n", classad.Parser.Old))
            ad = classad.parseOne(my_text + "X = " + expr + "\n", classad.Parser.Old)
            record["eval"] = evaluate(ad, None)
            record["evalWithTarget"] = evaluate(ad, target)
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
