"""The bottom layer: what every other package may use and which imports none of them."""
