"""The translations of the content: what is translated or missing, and whether each translation
keeps its French original's structure."""
