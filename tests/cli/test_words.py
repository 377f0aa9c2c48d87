"""The command line's own words: a command object run again and again in one process (as the tests and
any program embedding planaudit do) keeps working, its callback wrapped once."""

import typer
from click.testing import CliRunner

from planaudit.cli.app import app


def test_a_command_run_again_is_wrapped_once_not_once_a_run():
    command = typer.main.get_command(app)
    runner = CliRunner()
    for _ in range(3):
        assert runner.invoke(command, ["schema", "settings"]).exit_code == 0
    schema = command.commands["schema"]
    assert not hasattr(schema.callback.unwrapped, "unwrapped")  # the command's own function, under one wrapper
