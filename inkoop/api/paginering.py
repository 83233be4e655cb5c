from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 200
