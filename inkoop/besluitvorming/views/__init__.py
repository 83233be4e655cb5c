"""Views of the decision route: review with four eyes (`beoordeling`), the route per round
(`route`), proposals and decisions (`voorstellen`)."""
