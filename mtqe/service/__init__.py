"""The HTTP service (``mtqe serve``): a JSON API, XLIFF in and out, and a review page.

Needs the ``serve`` extra (``pip install 'mtqe[serve]'``): FastAPI and uvicorn.
"""
