from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.problem_field_error import ProblemFieldError
  from ..models.retraction import Retraction
  from ..models.statement import Statement





T = TypeVar("T", bound="RetractedProblem")



@_attrs_define
class RetractedProblem:
    """ The problem document of a retracted statement (type `/problems/retracted`).

        Attributes:
            type_ (str): URI reference naming the kind of problem.
            title (str): Short summary of the kind of problem.
            status (int): The HTTP status code.
            detail (str): What went wrong with this request.
            errors (list[ProblemFieldError]): One entry per bad field.
            retraction (Retraction): When and why a statement was retracted.
            statement (None | Statement): The statement as it was retracted, for editors, reviewers and admins; null for
                everyone else.
     """

    type_: str
    title: str
    status: int
    detail: str
    errors: list[ProblemFieldError]
    retraction: Retraction
    statement: None | Statement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_field_error import ProblemFieldError # noqa: PLC0415
        from ..models.retraction import Retraction # noqa: PLC0415
        from ..models.statement import Statement # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        retraction = self.retraction.to_dict()

        statement: dict[str, Any] | None
        if isinstance(self.statement, Statement):
            statement = self.statement.to_dict()
        else:
            statement = self.statement


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "detail": detail,
            "errors": errors,
            "retraction": retraction,
            "statement": statement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_field_error import ProblemFieldError # noqa: PLC0415
        from ..models.retraction import Retraction # noqa: PLC0415
        from ..models.statement import Statement # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = ProblemFieldError.from_dict(errors_item_data)



            errors.append(errors_item)


        retraction = Retraction.from_dict(d.pop("retraction"))




        def _parse_statement(data: object) -> None | Statement:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                statement_type_1 = Statement.from_dict(data)



                return statement_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Statement, data)

        statement = _parse_statement(d.pop("statement"))


        retracted_problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            errors=errors,
            retraction=retraction,
            statement=statement,
        )


        retracted_problem.additional_properties = d
        return retracted_problem

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
