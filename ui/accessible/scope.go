package accessible

import (
	"fmt"

	"scrutiny/ui/text"
)

// scope lets the panel hear and change the aim, the objectives, the focus
// areas and what is out of scope.
func (s *session) scope() error {
	s.show("scope", "", "")
	for {
		sc := s.r.Scope
		opts := []string{
			"Hear the scope",
			"Change the aim",
			"Add an objective",
			"Add a focus area",
			"Add something that is out of scope",
			"Remove an objective, focus area or out-of-scope item",
		}
		i, err := s.p.choose("The scope. What would you like to do?", opts, "Back to the review")
		if err != nil {
			return err
		}
		switch i {
		case 0:
			s.p.say("Aim: %s.", text.OrEmpty(clean(sc.Aim), "not written yet"))
			for _, l := range []struct {
				name  string
				items []string
			}{{"objective", sc.Objectives}, {"focus area", sc.FocusAreas}, {"item out of scope", sc.OutOfScope}} {
				s.p.say("%s.", capital(text.Count(len(l.items), l.name, l.name+"s")))
				for j, it := range l.items {
					s.p.say("%d. %s", j+1, clean(it))
				}
			}
		case 1:
			aim, err := s.p.text("What is the review's aim? One line.", sc.Aim)
			if err != nil {
				return err
			}
			s.r.Scope.Aim = aim
			s.saved(s.st.SaveReview(s.ctx, s.r), "the aim")
		case 2, 3, 4:
			what := []string{"objective", "focus area", "out-of-scope item"}[i-2]
			t, err := s.p.required(fmt.Sprintf("Type the %s, one line.", what))
			if err != nil {
				return err
			}
			list := [](*[]string){&s.r.Scope.Objectives, &s.r.Scope.FocusAreas, &s.r.Scope.OutOfScope}[i-2]
			*list = append(*list, t)
			s.saved(s.st.SaveReview(s.ctx, s.r), fmt.Sprintf("the %s %q", what, clean(t)))
		case 5:
			type item struct {
				list *[]string
				j    int
			}
			var items []item
			var names []string
			for k, l := range [](*[]string){&s.r.Scope.Objectives, &s.r.Scope.FocusAreas, &s.r.Scope.OutOfScope} {
				for j, it := range *l {
					items = append(items, item{l, j})
					names = append(names, []string{"Objective", "Focus area", "Out of scope"}[k]+": "+clean(it))
				}
			}
			if len(items) == 0 {
				s.p.say("There is nothing to remove yet.")
				continue
			}
			k, err := s.p.choose("Which one should be removed?", names, "Back without removing")
			if err != nil {
				return err
			}
			it := items[k]
			gone := (*it.list)[it.j]
			*it.list = append((*it.list)[:it.j:it.j], (*it.list)[it.j+1:]...)
			s.saved(s.st.SaveReview(s.ctx, s.r), fmt.Sprintf("removed %q", clean(gone)))
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}
