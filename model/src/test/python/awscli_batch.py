"""Runs AWS CLI commands in one process (the CLI's own driver: argument parsing, botocore, output formatting).

argv[1]: a JSON list of commands, each a list of CLI arguments without the leading "aws". Prints a JSON list of
{"argv", "rc", "stdout", "stderr"}. Run with the Python interpreter of the `aws` on PATH (AWS CLI v1 or v2).
"""
import contextlib
import io
import json
import sys
import time

from awscli.clidriver import create_clidriver


def run(driver, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = driver.main(argv)
        except SystemExit as e:  # argument errors exit
            rc = e.code if isinstance(e.code, int) else 2
    return {"argv": argv, "rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        commands = json.load(f)
    started = time.monotonic()
    driver = create_clidriver()  # one driver: botocore's service models load once
    results = [run(driver, argv) for argv in commands]
    sys.stderr.write("awscli_batch: %d commands in %.1f s\n" % (len(commands), time.monotonic() - started))
    sys.stdout.write(json.dumps(results))


if __name__ == "__main__":
    main()
