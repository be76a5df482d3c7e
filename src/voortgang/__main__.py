from voortgang.cli import run

run()
