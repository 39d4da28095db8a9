"""Verification by ear: every segment heard by a recogniser, the wrong ones spoken again, every
word timed (imported only with `--verify`)."""
