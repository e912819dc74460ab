"""The benchmark: a synthetic corpus, its fast loader, and a runner that measures the product.

``python -m bench run --size 100k --db postgres`` (or ``make bench``) reproduces the README's
table; ``python -m bench --help`` lists the steps it is made of.
"""
