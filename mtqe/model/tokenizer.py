"""The base encoder's WordPiece tokenizer (no torch: the runtime tokenises, ONNX Runtime runs)."""

from __future__ import annotations

from typing import Any


class WordPieceTokenizer:
    """The base model's ``tokenizer.json`` through the ``tokenizers`` library (what
    transformers' fast BERT tokenizer wraps), with the calls the windows need. The file's own
    truncation and padding (128 tokens) are switched off: long sentences are windowed, never
    cut (transformers does the same for a call that asks for neither)."""

    def __init__(self, tokenizer: Any) -> None:
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self._tok = tokenizer
        self.pad_token_id = self._id("[PAD]")
        self.cls_token_id = self._id("[CLS]")
        self.sep_token_id = self._id("[SEP]")
        self.vocab_size = tokenizer.get_vocab_size()

    @classmethod
    def from_file(cls, path: str) -> WordPieceTokenizer:
        from tokenizers import Tokenizer

        return cls(Tokenizer.from_file(path))

    def _id(self, token: str) -> int:
        i = self._tok.token_to_id(token)
        if i is None:
            raise ValueError(f"the tokenizer has no {token}")
        return int(i)

    def __call__(self, text: str, add_special_tokens: bool = True,
                 return_offsets_mapping: bool = False) -> dict[str, list[Any]]:
        enc = self._tok.encode(text, add_special_tokens=add_special_tokens)
        out: dict[str, list[Any]] = {"input_ids": list(enc.ids)}
        if return_offsets_mapping:
            out["offset_mapping"] = list(enc.offsets)
        return out
