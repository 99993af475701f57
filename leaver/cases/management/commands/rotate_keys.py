"""`manage.py rotate_keys`: re-encrypt every encrypted column with the active key (ADR 0027).

After putting a new key first in FIELD_ENCRYPTION_KEYS (the old ones kept after it), run this
until it says nothing is left; then the old keys may be removed. Each batch is its own
transaction: stopped half way (Ctrl-C, a deploy, --batches), the next run carries on with the
rows still on an old key. It prints counts only, never what the rows say."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from leaver.core import crypto, key_rotation


class Command(BaseCommand):
    help = "Re-encrypt the rows not on the active key of FIELD_ENCRYPTION_KEYS, in batches."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500,
                            help="Rows per batch (each committed on its own). Default 500.")
        parser.add_argument("--batches", type=int, default=None,
                            help="Stop after this many batches in all (run again to go on).")

    def handle(self, *args: Any, **options: Any) -> None:
        size: int = options["batch_size"]
        most: int | None = options["batches"]
        if size < 1 or (most is not None and most < 1):
            raise CommandError("--batch-size and --batches must be at least 1.")
        key_id = crypto.active_key_id()
        total = batches = 0
        try:
            for column in key_rotation.columns(apps.get_models()):
                done = 0
                left = None if most is None else most - batches
                if left == 0:
                    break
                for count in key_rotation.rotate(column, size, left):
                    done += count
                    batches += 1
                if done:
                    self.stdout.write(f"{column.label}: {done} re-encrypted with {key_id}.")
                total += done
        except crypto.CannotDecrypt as error:
            raise CommandError(str(error)) from None
        left_over = sum(key_rotation.pending(c).count()
                        for c in key_rotation.columns(apps.get_models()))
        if left_over:
            self.stdout.write(f"{total} rows re-encrypted; {left_over} still to do: run "
                              "rotate_keys again.")
        else:
            self.stdout.write(f"{total} rows re-encrypted; every row is on the key {key_id}.")
